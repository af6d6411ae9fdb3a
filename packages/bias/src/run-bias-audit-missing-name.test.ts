import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog, defaultPolicy } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { runBiasAudit, type BiasAuditOptions } from './run-bias-audit.js';
import { MISSING_GROUP, dataValueOf, groupNameOf } from './metrics/metrics.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);

/** 100 blank values, 200 rows whose value is the text (missing), 40 "(missing)" with quotes; f + x|y and f|x + y. */
function logCsv(): string {
  const lines = ['sex,pair,label,pred'];
  const add = (value: string, pair: string, count: number): void => {
    for (let i = 0; i < count; i++) lines.push(`${value},${pair},${i % 2},${i % 3 ? 1 : 0}`);
  };
  add('', 'p', 100);
  add('(missing)', 'p', 200);
  add('"""(missing)"""', 'x|y', 40);
  add('f', 'x|y', 30);
  add('f|x', 'y', 30);
  return `${lines.join('\n')}\n`;
}

const options = (extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions => ({
  file: at('log.csv'),
  attributes: ['sex'],
  label: 'label',
  prediction: 'pred',
  bootstrap: 0,
  ...extra,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-missing-name-'));
  writeFileSync(at('log.csv'), logCsv());
  const scored = ['sex,label,score'];
  for (let i = 0; i < 40; i++) scored.push(`${i % 2 ? '' : '(missing)'},${i % 4 < 2 ? 1 : 0},0.5`);
  writeFileSync(at('scored.csv'), `${scored.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a data value that reads as "(missing)"', () => {
  it('forms its own group, apart from the blank values, with a quoted name', async () => {
    const { section, warnings } = await runBiasAudit(options(), policy);
    expect(section.groups.map((g) => [g.group, g.n])).toEqual([
      ['""(missing)""', 40],
      ['"(missing)"', 200],
      ['f', 30],
      ['f|x', 30],
      ['(missing)', 100],
    ]);
    expect(warnings.map((w) => w.message)).toContain(
      '100 of 400 rows have no value of sex; they form the group "(missing)"',
    );
  });

  it('keeps intersections apart whose parts join to the same text', async () => {
    const { section } = await runBiasAudit(
      options({ attributes: ['sex', 'pair'], intersections: [['sex', 'pair']] }),
      policy,
    );
    const pairs = section.groups.filter((g) => g.attribute === 'sex+pair').map((g) => [g.values, g.n]);
    expect(pairs).toContainEqual([{ sex: 'f', pair: 'x|y' }, 30]);
    expect(pairs).toContainEqual([{ sex: 'f|x', pair: 'y' }, 30]);
    expect(pairs).toContainEqual([{ sex: '"(missing)"', pair: 'p' }, 200]);
    expect(pairs).toContainEqual([{ sex: '(missing)', pair: 'p' }, 100]);
  });

  it('is named by its quoted name in --thresholds, apart from the rows without a value', async () => {
    const { section } = await runBiasAudit(
      {
        file: at('scored.csv'),
        attributes: ['sex'],
        label: 'label',
        score: 'score',
        groupThresholds: { attribute: 'sex', thresholds: { '"(missing)"': 0.9, '(missing)': 0.1 } },
        bootstrap: 0,
      },
      policy,
    );
    const rates = section.groups.map((g) => [g.group, g.n, g.metrics.selection_rate?.value]);
    expect(rates).toEqual([
      ['"(missing)"', 20, 0],
      ['(missing)', 20, 1],
    ]);
  });

  it('is counted apart by the dataset audit too', async () => {
    const dataset = await runBiasAudit(options({ prediction: undefined }), policy);
    const shares = dataset.section.dataset?.representation.map((r) => [r.group, r.n]);
    expect(shares).toContainEqual(['"(missing)"', 200]);
    expect(shares).toContainEqual(['(missing)', 100]);
  });
});

describe('groupNameOf', () => {
  it('names no data value "(missing)", gives distinct values distinct names, and dataValueOf inverts it', () => {
    const values = [
      '(missing)',
      '"(missing)"',
      '""(missing)""',
      '"(missing)',
      '(missing)"',
      'a',
      '"a"',
      '(none)',
      '',
    ];
    const names = values.map(groupNameOf);
    expect(names).not.toContain(MISSING_GROUP);
    expect(new Set(names).size).toBe(values.length);
    expect(names.map(dataValueOf)).toEqual(values);
    expect(groupNameOf(null)).toBe(MISSING_GROUP);
    expect(dataValueOf(MISSING_GROUP)).toBeNull();
  });
});
