import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverReportSets } from '../../packages/cli/src/report-set.js';
import { repoRoot } from '../shared-fixtures.js';
import { tempDir } from './run-cli.js';

const writer = join(repoRoot, 'tests', 'cli', 'report-set-writer.mjs');
const built = join(repoRoot, 'packages', 'cli', 'dist', 'report-set.js');
const NAMES = ['audit.json', 'audit.sarif', 'index.html', 'junit.xml', 'summary.md'];

/** Which run each file of the set is from; a set is whole when every file names the same run. */
function runsOfSet(dir: string): Set<string> {
  expect(readdirSync(dir).sort()).toEqual(NAMES);
  return new Set(
    NAMES.map((name) => readFileSync(join(dir, name), 'utf8').slice(0, 12).split('\n')[0] ?? ''),
  );
}

/** Starts the writer, waits until it has written `after` sets, then sends `signal` after a random delay. */
async function interruptWriter(parent: string, signal: NodeJS.Signals, seed: number): Promise<void> {
  const child = spawn(process.execPath, [writer, join(parent, 'bias'), String(seed * 1000)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, (seed * 7919) % 60));
  child.kill(signal);
  // A writer that ignored the signal must not outlive the test: it is killed, and the test fails.
  const exited = await Promise.race([
    new Promise<boolean>((resolve) => child.once('exit', () => resolve(true))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
  ]);
  if (!exited) {
    child.kill('SIGKILL');
    throw new Error(`the writer did not end within 15 s of ${signal}`);
  }
}

describe('report sets under interruption (kill at random points while writing)', () => {
  it('has the built module to run', () => {
    expect(existsSync(built), 'run `pnpm build` first').toBe(true);
  });

  it('leaves the old set or the new one, never a mix, after SIGKILL; the next run sweeps what was left', async () => {
    const parent = tempDir();
    for (let seed = 1; seed <= 12; seed++) {
      await interruptWriter(parent, 'SIGKILL', seed);
      // The instant between the two renames leaves the old set aside; the next run puts it back.
      recoverReportSets(parent, 'bias');
      expect(runsOfSet(join(parent, 'bias')).size).toBe(1);
      expect(readdirSync(parent)).toEqual(['bias']);
    }
  }, 120_000);

  it('removes its staged files and keeps a whole set when stopped with SIGTERM', async () => {
    const parent = tempDir();
    for (let seed = 1; seed <= 8; seed++) {
      await interruptWriter(parent, 'SIGTERM', seed);
      expect(readdirSync(parent)).toEqual(['bias']);
      expect(runsOfSet(join(parent, 'bias')).size).toBe(1);
    }
  }, 120_000);
});
