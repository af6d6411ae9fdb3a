import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadTestSigner,
  makeTestImage,
  signTestAsset,
} from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { runCli, tempDir } from './run-cli.js';

describe('rai-audit assets verify: options, usage errors and exit codes', () => {
  const dir = tempDir('rai-audit-assets-usage-');
  const folder = join(dir, 'generated');
  const trust = loadTestSigner().rootPemFile;
  const policy = join(dir, 'policy.yaml');
  let outputs = 0;
  const verify = async (...args: string[]) => {
    const out = join(dir, `out${outputs++}`);
    return { ...(await runCli(['assets', 'verify', folder, '--workers', '1', '--out', out, ...args])), out };
  };

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    const signed = await signTestAsset(await makeTestImage({ width: 300, height: 200 }), {
      format: 'image/png',
    });
    writeFileSync(join(folder, 'cat.png'), signed);
    writeFileSync(policy, 'assets:\n  "**":\n    c2pa: trusted\n    ai-declaration: required\n');
  });

  it('--help shows the options and examples and exits 0', async () => {
    const run = await runCli(['assets', 'verify', '--help']);
    expect(run.code).toBe(0);
    for (const option of [
      '--trust',
      '--at',
      '--allow-network',
      '--watermark-payload',
      '--workers',
      '--timeout-ms',
      '--max-pixels',
      '--policy',
      '--format',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toMatch(/Examples:/);
  });

  it('exits 0 when every requirement passes, and records the run settings', async () => {
    const run = await verify(
      '--policy',
      policy,
      '--trust',
      trust,
      '--at',
      '2026-01-01',
      '--max-pixels',
      '1000000',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS/);
    const result = JSON.parse(readFileSync(join(run.out, 'assets', 'audit.json'), 'utf8'));
    expect(result.sections[0].settings).toEqual({
      at: '2026-01-01T00:00:00.000Z',
      trustAnchors: trust,
      allowNetwork: false,
      workers: 1,
      timeoutMs: 30000,
      maxPixels: 1000000,
    });
    expect(result.inputs.map((input: { role: string }) => input.role)).toEqual(['trust-anchors']);
  });

  it('without trust anchors the same asset is only Valid: exit 1 under a trusted requirement', async () => {
    const run = await verify('--policy', policy);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/c2pa\.manifest.*C2PA manifest Valid/);
  });

  it('an asset no rule covers is a warning: exit 0, or 1 with --fail-on warn', async () => {
    expect((await verify()).code).toBe(0);
    const strict = await verify('--fail-on', 'warn');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/assets\.covered/);
  });

  it.each([
    [['--at', 'yesterday'], /--at "yesterday" is not an ISO 8601 time/],
    [['--at', '2026-01-01T10:00'], /not an ISO 8601 time/],
    [['--trust', 'missing.pem'], /missing\.pem: cannot read the trust anchors file/],
    [['--workers', '0'], /--workers must be a whole number of at least 1/],
    [['--timeout-ms', 'soon'], /--timeout-ms must be a whole number/],
    [['--watermark-payload', 'xyz'], /neither hex nor 0b-prefixed binary/],
    [['--watermark-payload', 'ff'], /--watermark-payload.*can never be detected/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const run = await verify(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 on a trust file without a certificate and on an invalid asset rule', async () => {
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello\n');
    const badTrust = await verify('--trust', notPem);
    expect([badTrust.code, badTrust.stderr]).toEqual([
      2,
      expect.stringMatching(/not\.pem: no PEM certificate found/),
    ]);
    const badPolicy = join(dir, 'bad-policy.yaml');
    writeFileSync(badPolicy, 'assets:\n  "**":\n    c2pa: maybe\n');
    const run = await verify('--policy', badPolicy);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-policy\.yaml:3:\d+: assets\["\*\*"\]\.c2pa/);
  });

  it('exits 3 when an input path does not exist', async () => {
    const run = await runCli(['assets', 'verify', join(dir, 'nowhere'), '--out', join(dir, 'out-missing')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/nowhere: cannot read the asset path \(ENOENT\)/);
  });
});
