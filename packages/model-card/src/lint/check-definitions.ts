import { z } from 'zod';
import type { CheckDefinition } from '@rai-audit/core';

export const CARD_CHECKS = {
  requiredSections: 'card.required-sections',
  placeholders: 'card.placeholder-text',
  intendedUses: 'card.intended-uses',
  limitations: 'card.limitations',
  ethics: 'card.ethical-considerations',
  outputTerms: 'card.output-terms',
  subgroupMetrics: 'card.subgroup-metrics',
  smallGroups: 'card.small-groups',
  staleMetrics: 'card.stale-metrics',
  licenseConflicts: 'card.license-conflicts',
  outputTermsLicense: 'card.output-terms-license',
  hubLicense: 'card.hub-license',
  hubModelIndex: 'card.hub-model-index',
} as const;

const NoOptions = z.object({}).strict();

function definition(
  id: string,
  title: string,
  description: string,
  defaultLevel: 'error' | 'warn',
  options: CheckDefinition['options'] = NoOptions,
  defaultOptions: Record<string, unknown> = {},
): CheckDefinition {
  return { id, area: 'model-card', title, description, defaultLevel, options, defaultOptions };
}

/** The lint checks of `rai-audit card check` and `card build`; a policy's `checks:` sets their levels. */
export const modelCardCheckDefinitions: CheckDefinition[] = [
  definition(
    CARD_CHECKS.requiredSections,
    'Required sections',
    'The card states a description, a licence, its owners, the training data and evaluation data or results.',
    'error',
  ),
  definition(
    CARD_CHECKS.placeholders,
    'No placeholder text',
    'No field still holds template text: "[More Information Needed]", "{{ … }}", TODO, TBD, lorem ipsum.',
    'error',
  ),
  definition(
    CARD_CHECKS.intendedUses,
    'Intended and out-of-scope uses',
    'intendedUse.primaryUses and intendedUse.outOfScopeUses each list at least one use.',
    'error',
  ),
  definition(
    CARD_CHECKS.limitations,
    'Known limitations',
    'At least one known limitation is stated.',
    'error',
  ),
  definition(
    CARD_CHECKS.ethics,
    'Ethical considerations',
    'At least one ethical consideration (risk, with its mitigation) is stated.',
    'error',
  ),
  definition(
    CARD_CHECKS.outputTerms,
    'Output terms of a generative model',
    'A generative model (model.generative, or a generative pipeline tag) states who owns its outputs, their licence and whether they may train other models.',
    'error',
  ),
  definition(
    CARD_CHECKS.subgroupMetrics,
    'Metrics for every subgroup',
    'Every group of every attribute named in factors has a metric from an audit, with its n and a confidence interval.',
    'error',
  ),
  definition(
    CARD_CHECKS.smallGroups,
    'Small groups',
    'Groups with fewer rows than minGroupSize are flagged: their metrics are too uncertain to report as findings.',
    'warn',
    z.object({ minGroupSize: z.number().int().nonnegative() }).strict(),
    { minGroupSize: 30 },
  ),
  definition(
    CARD_CHECKS.staleMetrics,
    'Metrics computed on the current data',
    'The sha256 of the data an audit measured equals the file as it is now and the provenance or card record of it.',
    'error',
  ),
  definition(
    CARD_CHECKS.licenseConflicts,
    'Model licence against training data licences',
    "The model's licence carries the obligations of its training data: non-commercial, share-alike and no-derivatives terms are not dropped.",
    'error',
  ),
  definition(
    CARD_CHECKS.outputTermsLicense,
    'Output terms against the model licence',
    'The terms of outputs do not grant what the model licence forbids (e.g. commercial use of outputs of a non-commercial model).',
    'warn',
  ),
  definition(
    CARD_CHECKS.hubLicense,
    'Hub licence id',
    "The model's licence has an SPDX identifier and a Hugging Face licence id; otherwise the Hub shows `other`.",
    'warn',
  ),
  definition(
    CARD_CHECKS.hubModelIndex,
    'Hub model-index entries',
    'Every headline result has a task type, a dataset type and a numeric value: the Hub drops entries without them.',
    'warn',
  ),
];
