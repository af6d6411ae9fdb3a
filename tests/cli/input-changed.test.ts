import { appendFileSync, existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../packages/cli/src/io.js';
import { runAudit, type AuditSpec } from '../../packages/cli/src/run-audit.js';
import { tempDir } from './run-cli.js';

const io = (cwd: string): CliIo => ({
  stdout: () => undefined,
  stderr: () => undefined,
  isTty: false,
  env: { SOURCE_DATE_EPOCH: '1764331200' },
  cwd,
});

/** An audit whose computation does `change` to its input midway, as another process writing the file would. */
function changingAudit(file: string, change: () => void): AuditSpec {
  return {
    command: 'bias',
    inputs: [{ path: file, role: 'data' }],
    run: async () => {
      await new Promise((done) => setTimeout(done, 10));
      change();
      return { sections: [], checks: [], warnings: [] };
    },
  };
}

const options = (dir: string) => ({ out: join(dir, 'reports'), format: 'json', quiet: true });

describe('an input that changes during the run', () => {
  it.each([
    ['truncated', (file: string) => truncateSync(file, 10)],
    ['appended to', (file: string) => appendFileSync(file, 'x,1,0\n')],
    ['rewritten with the same size', (file: string) => writeFileSync(file, 'b'.repeat(4000))],
  ])('fails with an InputError (exit 3) when %s, and writes no report', async (_, change) => {
    const dir = tempDir();
    const file = join(dir, 'data.csv');
    writeFileSync(file, 'a'.repeat(4000));
    const run = runAudit(
      io(dir),
      options(dir),
      changingAudit(file, () => change(file)),
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'the file changed while it was audited: the results would mix its versions',
    );
    expect((error as InputError).file).toBe(file);
    expect(existsSync(join(dir, 'reports', 'bias', 'audit.json'))).toBe(false);
  });

  it('audits a file that stays as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'data.csv');
    writeFileSync(file, 'a'.repeat(4000));
    await expect(
      runAudit(
        io(dir),
        options(dir),
        changingAudit(file, () => undefined),
      ),
    ).resolves.toBe(0);
    expect(existsSync(join(dir, 'reports', 'bias', 'audit.json'))).toBe(true);
  });
});
