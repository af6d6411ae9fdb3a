import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestImage } from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { executeCli, type CliIo } from '../../packages/cli/src/index.js';
import { tempDir } from './run-cli.js';

// Issue 14 item 10: with the default --out reports, `assets verify .` must not verify its own last reports.
async function verifyHere(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    isTty: false,
    env: { SOURCE_DATE_EPOCH: '1764331200' },
    cwd,
  };
  const code = await executeCli(
    ['node', 'rai-audit', 'assets', 'verify', '.', '--workers', '1', ...args],
    io,
  );
  return { code, stdout };
}

describe('rai-audit assets verify .: the report folder inside the verified folder', () => {
  it('two consecutive runs with the default --out give the same exit code and checks', async () => {
    const dir = tempDir('rai-audit-out-inside-');
    writeFileSync(join(dir, 'cat.png'), await makeTestImage({ width: 256, height: 256 }));
    const first = await verifyHere(dir, '--format', 'html,json,md');
    const second = await verifyHere(dir, '--format', 'html,json,md');
    expect(first.code).toBe(0);
    expect(second.code).toBe(first.code);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).not.toMatch(/reports\/assets\/report\.html|assets\.readable/);
  });

  it('a custom --out inside the folder is left out too', async () => {
    const dir = tempDir('rai-audit-out-custom-');
    writeFileSync(join(dir, 'cat.png'), await makeTestImage({ width: 256, height: 256 }));
    const first = await verifyHere(dir, '--out', 'ci/out');
    const second = await verifyHere(dir, '--out', 'ci/out');
    expect([first.code, second.code]).toEqual([0, 0]);
  });
});
