import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { biasAuditResult } from '../../packages/model-card/test/card-fixtures.js';
import { runCli, tempDir } from './run-cli.js';

const CARD = `model:
  name: scorer
  description: Scores applications.
  owners: [{ name: Team }]
  license: Apache-2.0
intendedUse: { primaryUses: [review], outOfScopeUses: [automatic rejection] }
factors: { relevant: [{ attribute: sex, groups: [female, male] }] }
trainingData: [{ name: loans, license: CC-BY-4.0 }]
ethicalConsiderations: [{ risk: bias, mitigation: review }]
limitations: [EU only]
huggingFace: { pipelineTag: tabular-classification }
`;

function workspace(card = CARD): { dir: string; card: string; audit: string } {
  const dir = tempDir('rai-audit-card-');
  writeFileSync(join(dir, 'model-card.yaml'), card);
  writeFileSync(join(dir, 'audit.json'), JSON.stringify(biasAuditResult()));
  return { dir, card: join(dir, 'model-card.yaml'), audit: join(dir, 'audit.json') };
}

describe('rai-audit card', () => {
  it('build writes README.md, bom.cdx.json, model-card.html and the reports in one set', async () => {
    const w = workspace();
    const run = await runCli([
      'card',
      'build',
      '--card',
      w.card,
      '--bias',
      w.audit,
      '--out',
      w.dir,
      '--format',
      'json,md',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // the audited data file does not exist any more: stale metrics, an error-level check
    expect(readdirSync(join(w.dir, 'card')).sort()).toEqual([
      'README.md',
      'audit.json',
      'bom.cdx.json',
      'model-card.html',
      'summary.md',
    ]);
    const result = JSON.parse(readFileSync(join(w.dir, 'card', 'audit.json'), 'utf8')) as {
      sections: Array<{ kind: string }>;
      checks: Array<{ id: string; status: string }>;
    };
    expect(result.sections[0]?.kind).toBe('model-card');
    expect(result.checks.find((c) => c.id === 'card.stale-metrics')?.status).toBe('fail');
    expect(readFileSync(join(w.dir, 'card', 'README.md'), 'utf8')).toMatch(/^---\nlicense: "apache-2.0"/);
  });

  it('a YAML syntax error: exit 2, file:line:col, nothing written', async () => {
    const w = workspace(`${CARD}limitations: [unclosed\n`);
    const run = await runCli(['card', 'build', '--card', w.card, '--bias', w.audit, '--out', w.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/model-card\.yaml:1[34]:\d+: \(syntax\)/);
    expect(existsSync(join(w.dir, 'card'))).toBe(false);
  });

  it('a wrong type: exit 2 with the key path', async () => {
    const w = workspace(CARD.replace('limitations: [EU only]', 'limitations: 3'));
    const run = await runCli(['card', 'check', '--card', w.card, '--out', w.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/model-card\.yaml:10:\d+: limitations: .*array/);
    expect(existsSync(join(w.dir, 'card-check'))).toBe(false);
  });

  it('a licence that is not SPDX: exit 2 with the closest id', async () => {
    const w = workspace(CARD.replace('license: Apache-2.0', 'license: Apache-2.O'));
    const run = await runCli(['card', 'build', '--card', w.card, '--out', w.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /model\.license: "Apache-2\.O" is not an SPDX licence expression.*Did you mean "Apache-2\.0"/s,
    );
  });

  it('an audit result of an unknown schemaVersion: exit 3, nothing written', async () => {
    const w = workspace();
    writeFileSync(w.audit, JSON.stringify({ ...biasAuditResult(), schemaVersion: '9.0.0' }));
    const run = await runCli(['card', 'build', '--card', w.card, '--bias', w.audit, '--out', w.dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /audit\.json: schemaVersion: has schemaVersion "9\.0\.0", which this rai-audit does not read/,
    );
    expect(existsSync(join(w.dir, 'card'))).toBe(false);
  });

  it('init writes a starter card that check reads (its TODOs fail), and refuses to overwrite', async () => {
    const dir = tempDir('rai-audit-card-init-');
    const file = join(dir, 'card.yaml');
    expect((await runCli(['card', 'init', file, '--name', 'x', '--license', 'MIT'])).code).toBe(0);
    expect((await runCli(['card', 'init', file])).code).toBe(2);
    const check = await runCli(['card', 'check', '--card', file, '--out', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/card\.placeholder-text/);
  });

  it('import of a README it wrote: nothing lost', async () => {
    const w = workspace();
    await runCli(['card', 'build', '--card', w.card, '--bias', w.audit, '--out', w.dir, '--format', 'json']);
    const to = join(w.dir, 'imported.yaml');
    const run = await runCli(['card', 'import', join(w.dir, 'card', 'README.md'), '--to', to]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/lost:|kept under extra/);
    expect(readFileSync(to, 'utf8')).toMatch(/name: scorer/);
  });
});
