import type { CheckDefinition } from '@rai-audit/core';
import { z } from 'zod';

export const PROXY_STRENGTH = 'bias.proxy-strength';
export const REPRESENTATION = 'bias.representation';

/** Options of bias.proxy-strength: the strongest acceptable association of a feature with an attribute. */
export const ProxyStrengthOptionsSchema = z
  .object({
    max: z
      .number()
      .min(0)
      .max(1)
      .describe("Largest acceptable Cramér's V or correlation ratio between a feature and an attribute"),
  })
  .strict();

/** Options of bias.representation: the smallest p-value of the goodness-of-fit test that still passes. */
export const RepresentationOptionsSchema = z
  .object({
    minPValue: z
      .number()
      .gt(0)
      .lt(1)
      .describe(
        'Significance level: shares whose chi-square p-value is below it differ from the expected ones',
      ),
  })
  .strict();

/** The checks of the dataset audit (docs/dataset-audit.md); the CLI adds them to its catalog. */
export const datasetCheckDefinitions: CheckDefinition[] = [
  {
    id: PROXY_STRENGTH,
    area: 'bias',
    title: 'Proxy strength',
    description:
      "No feature may be associated with a sensitive attribute more strongly than `max` (bias-corrected Cramér's V " +
      'for categorical features, the correlation ratio for numeric ones): a strong proxy lets a model treat the ' +
      'groups differently even when the attribute itself is left out.',
    defaultLevel: 'warn',
    options: ProxyStrengthOptionsSchema,
    defaultOptions: { max: 0.5 },
  },
  {
    id: REPRESENTATION,
    area: 'bias',
    title: 'Representation against expected shares',
    description:
      'For each attribute with expected shares, the chi-square goodness-of-fit test of the group counts must not ' +
      'reject the expected shares at level `minPValue`.',
    defaultLevel: 'warn',
    options: RepresentationOptionsSchema,
    defaultOptions: { minPValue: 0.05 },
  },
];
