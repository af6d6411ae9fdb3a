import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BiasSectionSchema, type BiasSection } from '@rai-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

let dir = '';

/** 240 rows: race × sex × age with scores; race=B is selected less often at the 0.5 cut-off. */
function scoredLog(): string {
  const lines = ['race,sex,age,label,score,prediction'];
  for (let i = 0; i < 240; i++) {
    const race = ['A', 'B', 'C'][i % 3] ?? 'A';
    const score = ((i * 37) % 100) / 100 - (race === 'B' ? 0.1 : 0);
    const label = (i * 53) % 100 < 50 ? 1 : 0;
    lines.push(
      `${race},${i % 2 ? 'f' : 'm'},${18 + (i % 60)},${label},${Math.max(0, score).toFixed(2)},${score >= 0.5 ? 1 : 0}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function sectionOf(out: string): BiasSection {
  const result = JSON.parse(readFileSync(join(out, 'bias', 'audit.json'), 'utf8')) as { sections: unknown[] };
  return BiasSectionSchema.parse(result.sections[0]);
}

beforeAll(() => {
  dir = tempDir();
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'logs', 'scored.csv'), scoredLog());
  writeFileSync(join(dir, 'shares.json'), JSON.stringify({ race: { A: 0.5, B: 0.25, C: 0.25 } }));
});

const common = ['-l', 'label', '--format', 'json', '--bootstrap', '50', '--quiet'];

describe('rai-audit bias audits', () => {
  it('audits predictions with an intersection, bins, an explicit reference and step timings on stderr', async () => {
    const out = join(dir, 'out-predictions');
    const run = await runCli(
      [
        'bias',
        join(dir, 'logs', 'scored.csv'),
        '-a',
        'race,sex,age',
        '--intersect',
        'race,sex',
        '--bins',
        'age=30,50',
        '-p',
        'prediction',
        '--reference',
        'race=C',
        '--tau',
        '0.9',
        '--min-group-size',
        '20',
        '--out',
        out,
        ...common,
      ],
      { RAI_AUDIT_TIMINGS: '1' },
    );
    expect([0, 1]).toContain(run.code);
    expect(run.stderr).toMatch(
      /bias: timings: open \d+ ms, pre-queries \d+ ms, aggregation \d+ ms, analysis \d+ ms, checks \d+ ms\n/,
    );
    expect(run.stderr).toMatch(
      /run timings: start-up \d+ ms, policy \d+ ms, audit \d+ ms, waiting for input hashes \d+ ms, render json \d+ ms, write \d+ ms\n/,
    );
    const section = sectionOf(out);
    expect(section.references).toContainEqual({ attribute: 'race', group: 'C', method: 'explicit' });
    expect(section.settings).toMatchObject({
      tau: 0.9,
      minGroupSize: 20,
      bootstrap: { draws: 50, seed: 0, level: 0.95 },
    });
    expect(section.groups.filter((g) => g.attribute === 'age').map((g) => g.group)).toEqual([
      '< 30',
      '[30, 50)',
      '>= 50',
    ]);
    expect(section.groups.filter((g) => g.attribute === 'race+sex')).toHaveLength(6);
    const b = section.groups.find((g) => g.attribute === 'race' && g.group === 'B');
    expect(b?.disparities?.selection_rate?.ratio.interval?.method).toBe('bootstrap');
  });

  it('audits a score with --top-percent read through a glob', async () => {
    const out = join(dir, 'out-scores');
    const run = await runCli([
      'bias',
      join(dir, 'logs', '*.csv'),
      '-a',
      'race',
      '--score',
      'score',
      '--top-percent',
      '25',
      '--out',
      out,
      ...common,
    ]);
    expect([0, 1]).toContain(run.code);
    const section = sectionOf(out);
    expect(section.scores?.rule).toMatchObject({ kind: 'top-percent', percent: 25 });
    expect(section.overall.metrics.auc?.value).toBeGreaterThan(0);
    expect(section.scores?.roc.length).toBeGreaterThan(0);
  });

  it('audits a dataset without predictions against expected shares from a JSON file', async () => {
    const out = join(dir, 'out-dataset');
    const run = await runCli([
      'bias',
      join(dir, 'logs', 'scored.csv'),
      '-a',
      'race,sex',
      '--expected-shares',
      join(dir, 'shares.json'),
      '--expected-shares',
      'sex:f=0.5,m=0.5',
      '--out',
      out,
      ...common,
    ]);
    expect([0, 1]).toContain(run.code);
    const section = sectionOf(out);
    expect(section.mode).toBe('dataset');
    expect(section.dataset?.goodnessOfFit.map((g) => g.attribute).sort()).toEqual(['race', 'sex']);
    expect(
      section.dataset?.representation.find((r) => r.attribute === 'race' && r.group === 'A')?.expectedShare,
    ).toBe(0.5);
  });
});
