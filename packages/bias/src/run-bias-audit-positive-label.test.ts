import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog, defaultPolicy, type BiasSection } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { runBiasAudit } from './run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';

/**
 * Group a: 85 of 100 predicted `yes`, b: 95 of 100. With `yes` positive the selection-rate ratio is 0.89 (pass);
 * with `no` positive it is 5/15 = 0.33 (fail). Labels alternate.
 */
function logCsv(yes: string, no: string): string {
  const lines = ['group,label,decision'];
  for (const [group, positives] of [
    ['a', 85],
    ['b', 95],
  ] as const) {
    for (let i = 0; i < 100; i++) lines.push(`${group},${i % 2 ? yes : no},${i < positives ? yes : no}`);
  }
  return `${lines.join('\n')}\n`;
}

// Every spelling DuckDB's CSV sniffer reads as a boolean, one it keeps as text (y/n), and 1/0 (integers).
const SPELLINGS = [
  ['yes', 'no'],
  ['YES', 'NO'],
  ['Yes', 'No'],
  ['t', 'f'],
  ['T', 'F'],
  ['true', 'false'],
  ['TRUE', 'FALSE'],
  ['True', 'False'],
  ['Y', 'N'],
  ['y', 'n'],
  ['1', '0'],
] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-positive-'));
  for (const [yes, no] of SPELLINGS) writeFileSync(join(dir, `${yes}-${no}.csv`), logCsv(yes, no));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const selectionRates = (section: BiasSection): Array<number | null | undefined> =>
  section.groups.map((g) => g.metrics.selection_rate?.value);

describe('--positive-label names the values as the file writes them', () => {
  it.each(SPELLINGS)(
    '%s/%s: the named value is positive, and a failing parity stays a FAIL',
    async (yes, no) => {
      const file = join(dir, `${yes}-${no}.csv`);
      const run = (positiveLabel?: string) =>
        runBiasAudit(
          {
            file,
            attributes: ['group'],
            label: 'label',
            prediction: 'decision',
            bootstrap: 0,
            ...(positiveLabel === undefined ? {} : { positiveLabel }),
          },
          policy,
        );
      const byNo = await run(no);
      expect(byNo.section.positiveLabel).toBe(no);
      expect(selectionRates(byNo.section)).toEqual([0.15, 0.05]);
      expect(byNo.warnings.map((w) => w.message).join('\n')).not.toMatch(/not a value/);
      expect(byNo.checks.find((c) => c.id === 'bias.demographic-parity-ratio')?.status).toBe('fail');
      // Named in another case, the value is still found; without the flag the recognised pair's positive is used.
      const byLowerNo = await run(no.toLowerCase());
      expect(selectionRates(byLowerNo.section)).toEqual([0.15, 0.05]);
      const byDefault = await run();
      expect(selectionRates(byDefault.section)).toEqual([0.85, 0.95]);
      expect(byDefault.checks.find((c) => c.id === 'bias.demographic-parity-ratio')?.status).toBe('pass');
    },
  );
});
