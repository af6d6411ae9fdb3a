import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/run-cli.js';
import { FUZZ } from './fuzz-settings.js';
import { hostileTable, type TableFile } from './hostile-tables.js';

/** A case that takes longer than this is a hang for the purpose of the fuzz (inputs are at most a few hundred KB). */
const CASE_BOUND_MS = 20_000;

async function audit(file: TableFile): Promise<number> {
  const dir = tempDir('rai-audit-fuzz-bias-');
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  const started = performance.now();
  const run = await runCli([
    'bias',
    path,
    '-a',
    'sex',
    '-l',
    'label',
    '-p',
    'prediction',
    '--out',
    join(dir, 'out'),
    '-f',
    'json',
    '--bootstrap',
    '0',
  ]);
  const elapsed = performance.now() - started;
  const context = `${file.description}\nexit ${run.code}\n${run.stderr}`;
  expect([0, 1, 2, 3], context).toContain(run.code);
  expect(run.stderr, context).not.toMatch(/unexpected error|This is a bug/i);
  if (run.code >= 2) expect(run.stderr.trim().length, context).toBeGreaterThan(0);
  expect(elapsed, context).toBeLessThan(CASE_BOUND_MS);
  return run.code;
}

describe('fuzz: rai-audit bias on hostile tables ends with exit 0–3 and a message', () => {
  it.each(Object.keys(hostileTable) as Array<keyof typeof hostileTable>)('%s', async (format) => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(hostileTable[format], async (file) => void codes.add(await audit(file))),
      FUZZ.costly,
    );
    // The generator reaches both ends: tables that are audited and tables that are refused.
    if (format === 'csv' || format === 'tsv') expect([...codes].some((code) => code <= 1)).toBe(true);
    expect(codes.has(3)).toBe(true);
  });
});
