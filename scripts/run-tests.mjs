#!/usr/bin/env node
// Runs the vitest suite, then prints one closing line "tests: N passed, N failed, N skipped" that CI logs can read.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
if (existsSync(report)) {
  const totals = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (totals.numPendingTests ?? 0) + (totals.numTodoTests ?? 0);
  // A test file that fails before any of its tests runs (an import or collection error) counts as one failure.
  const brokenFiles = (totals.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && (file.assertionResults ?? []).every((test) => test.status !== 'failed'),
  ).length;
  const failed = totals.numFailedTests + brokenFiles;
  console.log(`tests: ${totals.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
}
process.exit(run.status ?? 1);
