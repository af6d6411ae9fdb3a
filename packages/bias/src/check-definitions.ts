import type { CheckDefinition, PolicyChecks } from '@rai-audit/core';
import {
  MaxDifferenceOptionsSchema,
  MinCountOptionsSchema,
  MinRatioOptionsSchema,
} from './option-schemas.js';

export const DEMOGRAPHIC_PARITY_RATIO = 'bias.demographic-parity-ratio';
export const DEMOGRAPHIC_PARITY_DIFFERENCE = 'bias.demographic-parity-difference';
export const MIN_GROUP_SIZE = 'bias.min-group-size';

/** The checks of the bias audit, with their default levels and options; the CLI adds them to its catalog. */
export const biasCheckDefinitions: CheckDefinition[] = [
  {
    id: DEMOGRAPHIC_PARITY_RATIO,
    area: 'bias',
    title: 'Demographic parity ratio',
    description:
      'For each sensitive attribute, the lowest group selection rate divided by the highest must be at least `min` ' +
      '(0.8 is the four-fifths rule of the US EEOC Uniform Guidelines).',
    defaultLevel: 'error',
    options: MinRatioOptionsSchema,
    defaultOptions: { min: 0.8 },
  },
  {
    id: DEMOGRAPHIC_PARITY_DIFFERENCE,
    area: 'bias',
    title: 'Demographic parity difference',
    description:
      'For each sensitive attribute, the highest group selection rate minus the lowest must be at most `max`.',
    defaultLevel: 'warn',
    options: MaxDifferenceOptionsSchema,
    defaultOptions: { max: 0.1 },
  },
  {
    id: MIN_GROUP_SIZE,
    area: 'bias',
    title: 'Minimum group size',
    description:
      'Every group of each sensitive attribute, including "(missing)", must have at least `min` rows; ' +
      'rates of smaller groups are too uncertain to judge.',
    defaultLevel: 'warn',
    options: MinCountOptionsSchema,
    defaultOptions: { min: 30 },
  },
];

/** Built-in policies a policy file can extend. `recommended`: the four-fifths rule as a gate, the rest as warnings. */
export const biasPresets: Record<string, PolicyChecks> = {
  recommended: {
    [DEMOGRAPHIC_PARITY_RATIO]: ['error', { min: 0.8 }],
    [DEMOGRAPHIC_PARITY_DIFFERENCE]: ['warn', { max: 0.1 }],
    [MIN_GROUP_SIZE]: ['warn', { min: 30 }],
  },
};
