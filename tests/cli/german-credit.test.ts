import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditResultSchema } from '@rai-audit/core';
import { SHARED_ABSENT, hasShared, repoRoot } from '../shared-fixtures.js';
import { runCli, tempDir } from './run-cli.js';

// Issue 3: the dataset audit and the prediction audit of UCI German Credit (read from ../shared, never copied),
// scored by the project's own deterministic baseline (scripts/german-credit-baseline.mjs).
describe.skipIf(!hasShared('fixtures', 'datasets', 'german_credit.csv'))(
  `German Credit end to end ${SHARED_ABSENT}`,
  () => {
    const dir = tempDir();
    const scored = join(dir, 'german_credit_scored.csv');

    beforeAll(() => {
      const run = spawnSync(
        process.execPath,
        [join(repoRoot, 'scripts', 'german-credit-baseline.mjs'), scored],
        {
          encoding: 'utf8',
          cwd: repoRoot,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/AUC 0\.7\d/);
    });

    it('dataset audit: finds personal_status as a near-perfect proxy of sex', async () => {
      const out = join(dir, 'data');
      const run = await runCli(['bias', scored, '-a', 'sex,foreign_worker', '-l', 'label', '--out', out]);
      expect([0, 1]).toContain(run.code);
      const result = AuditResultSchema.parse(
        JSON.parse(readFileSync(join(out, 'bias', 'audit.json'), 'utf8')),
      );
      const section = result.sections[0];
      if (section?.kind !== 'bias') throw new Error('expected a bias section');
      expect(section.mode).toBe('dataset');
      const top = section.dataset?.proxies.find((proxy) => proxy.attribute === 'sex');
      expect(top?.feature).toBe('personal_status');
      expect(top?.value).toBeGreaterThan(0.99);
      const representation = section.dataset?.representation.filter((row) => row.attribute === 'sex');
      expect(representation?.map((row) => [row.group, row.n])).toEqual([
        ['female', 310],
        ['male', 690],
      ]);
      expect(run.stdout).toMatch(/bias\.proxy-strength/);
    });

    it('prediction audit: scores, small groups and disparities, with no NaN anywhere', async () => {
      const out = join(dir, 'pred');
      const run = await runCli([
        'bias',
        scored,
        '-a',
        'sex,foreign_worker',
        '--bins',
        'age=25,35,50',
        '-a',
        'age',
        '-l',
        'label',
        '--score',
        'score',
        '--threshold',
        '0.5',
        '--out',
        out,
        '--format',
        'html,json',
      ]);
      expect([0, 1]).toContain(run.code);
      const text = readFileSync(join(out, 'bias', 'audit.json'), 'utf8');
      const result = AuditResultSchema.parse(JSON.parse(text));
      const section = result.sections[0];
      if (section?.kind !== 'bias') throw new Error('expected a bias section');
      expect(section.mode).toBe('predictions');
      expect(section.scores?.roc.find((roc) => roc.attribute === '(overall)')?.auc).toBeCloseTo(0.795, 2);
      const foreign = section.groups.find((g) => g.attribute === 'foreign_worker' && g.group === 'A202');
      expect(foreign?.n).toBe(37);
      expect(section.groups.filter((g) => g.attribute === 'age').map((g) => g.group)).toHaveLength(4);
      const html = readFileSync(join(out, 'bias', 'index.html'), 'utf8');
      expect(html).not.toMatch(/\bNaN\b/);
    });
  },
);
