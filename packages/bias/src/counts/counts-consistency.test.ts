import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, createCatalog, defaultPolicy } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from '../checks/check-definitions.js';
import { auditCountsFile } from '../from-counts.js';
import type { BiasAuditOptions } from '../run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);
const options: BiasAuditOptions = {
  file: '',
  attributes: ['sex'],
  label: 'label',
  prediction: 'pred',
  bootstrap: 0,
};

// A consistent counts table as --emit-sql's query returns it: data rows 1–4 overall, 5–12 by sex.
const HEADER = 'attribute,v0,label,prediction,n';
const OVERALL = ['(overall),,0,0,30', '(overall),,0,1,10', '(overall),,1,0,12', '(overall),,1,1,28'];
const BY_SEX = [
  'sex,f,0,0,20',
  'sex,f,0,1,4',
  'sex,f,1,0,6',
  'sex,f,1,1,10',
  'sex,m,0,0,10',
  'sex,m,0,1,6',
  'sex,m,1,0,6',
  'sex,m,1,1,18',
];

function write(name: string, lines: readonly string[]): string {
  writeFileSync(at(name), `${[HEADER, ...lines].join('\n')}\n`);
  return at(name);
}

async function errorOf(file: string): Promise<InputError> {
  const error = await auditCountsFile(file, options, policy).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-counts-consistency-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--from-counts checks that the table is consistent', () => {
  it('audits a consistent table', async () => {
    const outcome = await auditCountsFile(write('ok.csv', [...OVERALL, ...BY_SEX]), options, policy);
    expect(outcome.section.groups.map((g) => [g.group, g.n])).toEqual([
      ['f', 40],
      ['m', 40],
    ]);
  });

  it('refuses a repeated cell (it would be summed), naming the row that repeats it', async () => {
    const error = await errorOf(write('dup.csv', [...OVERALL, ...BY_SEX, 'sex,f,1,1,10']));
    expect(error.message).toBe('the counts table repeats the cell of row 8');
    expect(error.location).toBe('row 13');
  });

  it('refuses groups that do not add up to the overall row', async () => {
    const tenfold = OVERALL.map((line) => line.replace(/,(\d+)$/, (_, n: string) => `,${Number(n) * 10}`));
    const error = await errorOf(write('overall.csv', [...tenfold, ...BY_SEX]));
    expect(error.message).toBe(
      'the groups of sex with label "0", prediction "0" add up to 30 rows, but the overall row has 300',
    );
    expect(error.location).toBe('row 1');
    const short = await errorOf(write('short.csv', [...OVERALL, ...BY_SEX.slice(0, -1)]));
    expect(short.message).toMatch(/label "1", prediction "1" add up to 10 rows, but the overall row has 28$/);
  });

  it.each(['0.5', '1e308', '-1', '9007199254740993'])('refuses a count of %s, naming the row', async (n) => {
    const error = await errorOf(write(`n-${n}.csv`, [...OVERALL, ...BY_SEX.slice(0, -1), `sex,m,1,1,${n}`]));
    expect(error.message).toMatch(/^column "n" of the counts table holds ".*", not a count \(a whole number/);
    expect(error.location).toBe('row 12');
  });
});
