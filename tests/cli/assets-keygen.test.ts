import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

describe('rai-audit assets keygen', () => {
  it('writes the CA, the chain and a 0600 key, never prints the key, warns, and refuses to overwrite', async () => {
    const out = join(tempDir('rai-audit-keygen-'), 'keys');
    const run = await runCli(['assets', 'keygen', '--out', out, '--intermediate']);
    expect(run.code).toBe(0);
    for (const name of ['ca.pem', 'intermediate.pem', 'cert.pem', 'key.pem'])
      expect(statSync(join(out, name)).isFile()).toBe(true);
    expect(statSync(join(out, 'key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'cert.pem'), 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    const key = readFileSync(join(out, 'key.pem'), 'utf8');
    expect(key).toMatch(/BEGIN PRIVATE KEY/);
    const body = key.split('\n')[1]!;
    expect(run.stdout + run.stderr).not.toContain(body);
    expect(run.stderr).toMatch(/TEST credentials.*C2PA trust list/s);

    const again = await runCli(['assets', 'keygen', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/s);
    expect(readFileSync(join(out, 'key.pem'), 'utf8')).toBe(key);
  });

  it('refuses an unknown algorithm (exit 2)', async () => {
    const run = await runCli(['assets', 'keygen', '--out', tempDir(), '--algorithm', 'rsa1024']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown --algorithm "rsa1024".*es256, es384, ps256, ed25519/s);
  });
});
