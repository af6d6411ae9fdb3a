import type { BiasSection, RunWarning } from '@rai-audit/core';
import type { OutcomeClassification } from './outcome-encoding.js';

// Beyond this many groups an attribute is more likely an id or a continuous number than a sensitive attribute.
const MANY_GROUPS = 50;

/** Things the user should know about a finished audit that are not checks: missing values, odd columns. */
export function collectRunWarnings(
  section: BiasSection,
  outcomes: { label: OutcomeClassification; prediction: OutcomeClassification },
): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const { attribute, rows } of section.missing) {
    if (rows > 0) {
      warnings.push({
        code: 'bias.missing-attribute-values',
        message: `${rows} of ${section.rows} rows have no value of ${attribute}; they form the group "(missing)"`,
      });
    }
  }
  for (const attribute of section.columns.attributes) {
    const groups = section.groups.filter((g) => g.attribute === attribute).length;
    if (groups > MANY_GROUPS) {
      warnings.push({
        code: 'bias.many-groups',
        message: `${attribute} has ${groups} groups; is it an identifier or a number that should be put into bins?`,
      });
    }
  }
  for (const role of ['label', 'prediction'] as const) {
    const ignored = outcomes[role].ignoredPositiveLabel;
    if (ignored !== undefined) {
      warnings.push({
        code: 'bias.positive-label-not-found',
        message: `--positive-label ${JSON.stringify(ignored)} is not a value of the ${role} column "${section.columns[role]}"; "${outcomes[role].positiveLabel}" counts as positive there`,
      });
    }
  }
  return warnings;
}
