import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendPngTextChunk,
  loadTestSigner,
  makeTestImage,
  signTestAsset,
} from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { runCli, tempDir, type CliRun } from './run-cli.js';

// The gate of issue 4: a policy over a folder with one good and one tampered asset (both signed by the project's
// own test CA) fails the build and names the tampered file and the failing check in every report format.
const FORMATS = 'html,json,junit,sarif,md';
const POLICY = `assets:
  "generated/**":
    c2pa: trusted
    ai-declaration: required
checks:
  assets.covered: warn
`;

interface JsonCheck {
  id: string;
  status: string;
  subject: { file?: string };
  message: string;
}

describe('rai-audit assets verify: the CI gate', () => {
  const dir = tempDir('rai-audit-assets-gate-');
  const out = join(dir, 'out');
  const report = (name: string): string => readFileSync(join(out, 'assets', name), 'utf8');
  let run: CliRun;

  beforeAll(async () => {
    const generated = join(dir, 'site', 'generated');
    mkdirSync(generated, { recursive: true });
    const image = await makeTestImage({ width: 320, height: 256 });
    const signed = await signTestAsset(image, { format: 'image/png', title: 'good.png' });
    writeFileSync(join(generated, 'good.png'), signed);
    writeFileSync(join(generated, 'tampered.png'), appendPngTextChunk(signed));
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    run = await runCli([
      'assets',
      'verify',
      join(dir, 'site'),
      '--policy',
      join(dir, 'policy.yaml'),
      '--trust',
      loadTestSigner().rootPemFile,
      '--at',
      '2026-06-01T00:00:00Z',
      '--workers',
      '2',
      '--format',
      FORMATS,
      '--out',
      out,
    ]);
  });

  it('exits 1 and names the tampered file and the failing check on the terminal', () => {
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL/);
    expect(run.stdout).toMatch(/c2pa\.manifest.*tampered\.png|tampered\.png.*c2pa\.manifest/);
    expect(run.stdout).not.toMatch(/good\.png/);
  });

  it('JSON: the tampered asset is Invalid with assertion.dataHash.mismatch, the good one Trusted', () => {
    const result = JSON.parse(report('audit.json'));
    const assets = result.sections[0].assets as Array<{
      path: string;
      c2pa: { state: string; codes: { code: string }[] };
    }>;
    expect(assets.map((asset) => asset.path)).toEqual(['generated/good.png', 'generated/tampered.png']);
    expect(assets[0]!.c2pa.state).toBe('Trusted');
    expect(assets[1]!.c2pa.state).toBe('Invalid');
    expect(assets[1]!.c2pa.codes.map((code) => code.code)).toContain('assertion.dataHash.mismatch');
    const failing = (result.checks as JsonCheck[]).filter((check) => check.status === 'fail');
    expect(
      failing.map((check) => [check.id, check.subject.file?.endsWith('generated/tampered.png')]),
    ).toEqual([['c2pa.manifest', true]]);
    const good = (result.checks as JsonCheck[]).filter((check) => check.subject.file?.endsWith('good.png'));
    expect(good.map((check) => [check.id, check.status])).toEqual([
      ['c2pa.manifest', 'pass'],
      ['assets.ai-declaration', 'pass'],
    ]);
    expect(result.summary.verdict).toBe('fail');
    expect(result.sections[0].settings).toMatchObject({ at: '2026-06-01T00:00:00.000Z', workers: 2 });
  });

  it('JUnit: a failure in the c2pa.manifest testcase of the tampered file', () => {
    const junit = report('junit.xml');
    const failed = [...junit.matchAll(/<testcase classname="([^"]+)" name="([^"]+)">\s*<failure/g)];
    expect(failed.map((match) => match[1])).toEqual(['c2pa.manifest']);
    expect(failed[0]![2]).toMatch(/generated\/tampered\.png/);
  });

  it('SARIF: one error result for c2pa.manifest located at the tampered file', () => {
    const sarif = JSON.parse(report('audit.sarif'));
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([['c2pa.manifest', 'error']]);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(
      /generated\/tampered\.png$/,
    );
  });

  it('Markdown: the failing check and the tampered file in the job summary', () => {
    const markdown = report('summary.md');
    expect(markdown).toMatch(/c2pa\.manifest/);
    expect(markdown).toMatch(/generated\/tampered\.png/);
    expect(markdown).toMatch(/assertion\.dataHash\.mismatch/);
  });

  it('HTML: written, and names the tampered file and the failing check', () => {
    const html = report('index.html');
    expect(html).toMatch(/c2pa\.manifest|C2PA manifest/);
    expect(html).toMatch(/generated\/tampered\.png/);
  });
});

describe('rai-audit assets verify: trust anchors from the policy', () => {
  it('reads the trust: list relative to the policy file, like --trust, and lists it among the inputs', async () => {
    const dir = tempDir('rai-audit-assets-trust-');
    mkdirSync(join(dir, 'site'), { recursive: true });
    mkdirSync(join(dir, 'config', 'certs'), { recursive: true });
    const image = await makeTestImage({ width: 128, height: 96 });
    writeFileSync(
      join(dir, 'site', 'good.png'),
      await signTestAsset(image, { format: 'image/png', title: 'good.png' }),
    );
    writeFileSync(join(dir, 'config', 'certs', 'root.pem'), readFileSync(loadTestSigner().rootPemFile));
    const policy = join(dir, 'config', 'policy.yaml');
    writeFileSync(policy, 'trust: [certs/root.pem]\nassets:\n  "**": { c2pa: trusted }\n');
    const out = join(dir, 'out');
    const args = [
      'assets',
      'verify',
      join(dir, 'site'),
      '--at',
      '2026-06-01T00:00:00Z',
      '--workers',
      '1',
      '--out',
      out,
    ];
    const trusted = await runCli([...args, '--policy', policy]);
    expect(trusted.stderr).not.toMatch(/rai-audit:/);
    expect(trusted.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'assets', 'audit.json'), 'utf8'));
    expect(result.sections[0].assets[0].c2pa.state).toBe('Trusted');
    expect(result.inputs.map((input: { role: string; path: string }) => input.role)).toEqual([
      'trust-anchors',
    ]);

    writeFileSync(policy, 'assets:\n  "**": { c2pa: trusted }\n');
    const untrusted = await runCli([...args, '--policy', policy]);
    expect(untrusted.code).toBe(1);
  });
});
