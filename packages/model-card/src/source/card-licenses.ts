import { parseLicenseExpression, type ModelCardSource } from '@rai-audit/core';
import type { CardIssue, Locator } from './parse-card-source.js';

/** Every licence field of the card that is not an SPDX expression, with the closest id as the fix. */
export function cardLicenseIssues(card: ModelCardSource, locate?: Locator): CardIssue[] {
  const fields: Array<{ path: PropertyKey[]; value: string | undefined }> = [
    { path: ['model', 'license'], value: card.model.license },
    ...(card.trainingData ?? []).map((d, i) => ({ path: ['trainingData', i, 'license'], value: d.license })),
    ...(card.evaluationData ?? []).map((d, i) => ({
      path: ['evaluationData', i, 'license'],
      value: d.license,
    })),
  ];
  return fields.flatMap(({ path, value }) => {
    if (value === undefined) return [];
    const parsed = parseLicenseExpression(value);
    if (parsed.ok) return [];
    return [
      {
        path: path
          .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
          .join('')
          .replace(/^\./, ''),
        ...(locate ? locate(path) : {}),
        message: `"${value}" is not an SPDX licence expression: ${parsed.message}`,
        hint: parsed.suggestion
          ? `Did you mean "${parsed.suggestion}"?`
          : 'Use an SPDX id (https://spdx.org/licenses/) or LicenseRef-<name> with licenseName and licenseLink',
      },
    ];
  });
}
