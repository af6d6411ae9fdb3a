import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../shared-fixtures.js';
import { predictionCsv, tempDir } from './run-cli.js';

const bin = join(repoRoot, 'packages', 'cli', 'bin', 'rai-audit.js');
// The published entry runs the compiled dist/; `pnpm check` builds it before the tests.
describe('the rai-audit executable (built by pnpm build)', () => {
  it('has been built', () => {
    expect(existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'main.js')), 'run `pnpm build` first').toBe(
      true,
    );
  });

  it('prints help and exits 0', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: rai-audit/);
    expect(run.stdout).toMatch(/bias/);
  });

  it('sets the process exit code from the audit, after writing the report', () => {
    const dir = tempDir();
    const data = join(dir, 'log.csv');
    writeFileSync(data, predictionCsv('sex', { female: [15, 5, 45, 35], male: [40, 10, 40, 10] }));
    const out = join(dir, 'out');
    const run = spawnSync(
      process.execPath,
      [bin, 'bias', data, '-a', 'sex', '-l', 'label', '-p', 'prediction', '--out', out, '--no-color'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'bias', 'audit.json'), 'utf8')).summary.verdict).toBe('fail');
  });
});
