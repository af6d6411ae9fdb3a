import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestImage } from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

// Issue 14 item 4: data values and file names reach the terminal and CI logs. None may add a line, move the
// cursor, retitle the terminal or reverse the text: they are printed as visible escapes, one check per line.
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function expectOnlyOwnLines(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
  for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*✔ .*all good/);
}

describe('terminal and log injection', () => {
  it('bias: a group name with a newline cannot forge a passing check line', async () => {
    const dir = tempDir('rai-audit-inject-bias-');
    const forged = 'b\n  ✔ bias.demographic-parity-ratio: all good\u001b[2J\u202e';
    const data = join(dir, 'data.csv');
    writeFileSync(data, predictionCsv('group', { a: [40, 10, 40, 10], [forged]: [2, 2, 10, 5] }));
    const run = await runCli([
      'bias',
      data,
      '-a',
      'group',
      '-l',
      'label',
      '-p',
      'prediction',
      '--bootstrap',
      '0',
      '-f',
      'json',
      '-o',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(1);
    expectOnlyOwnLines(run.stdout);
    expectOnlyOwnLines(run.stderr);
    expect(run.stdout).toContain('b\\n  ✔ bias.demographic-parity-ratio: all good\\u001b[2J\\u202e');
  });

  it('assets: a file name with ESC ] 0 ; title BEL is printed escaped, on its line', async () => {
    const dir = tempDir('rai-audit-inject-assets-');
    const site = join(dir, 'site');
    mkdirSync(site);
    const name = 'evil\u001b]0;pwned\u0007\r\u202egnp.png';
    writeFileSync(join(site, name), await makeTestImage({ width: 256, height: 256 }));
    writeFileSync(join(dir, 'policy.yaml'), 'assets:\n  "**":\n    c2pa: valid\n');
    const run = await runCli([
      'assets',
      'verify',
      site,
      '--policy',
      join(dir, 'policy.yaml'),
      '--workers',
      '1',
      '-f',
      'json',
      '-o',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(1);
    expectOnlyOwnLines(run.stdout);
    expect(run.stdout).toContain('evil\\u001b]0;pwned\\u0007\\r\\u202egnp.png');
    const checkLines = run.stdout.split('\n').filter((line) => line.includes('c2pa.manifest'));
    expect(checkLines).toHaveLength(1);
  });

  it('error messages carrying a user value are escaped too', async () => {
    const dir = tempDir('rai-audit-inject-errors-');
    const missing = await runCli([
      'assets',
      'verify',
      join(dir, 'missing\n✔ all good\u001b]0;x\u0007'),
      '-o',
      join(dir, 'out'),
    ]);
    expect(missing.code).toBe(3);
    expectOnlyOwnLines(missing.stderr);
    expect(missing.stderr).toContain('missing\\n✔ all good\\u001b]0;x\\u0007');
    const unknown = await runCli(['assets', 'verify', '--what\n✔ all good\u001b[2J', dir]);
    expect(unknown.code).toBe(2);
    expectOnlyOwnLines(unknown.stderr);
  });
});
