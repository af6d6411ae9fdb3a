import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

function demoLog(dir: string): string {
  const data = join(dir, 'log.csv');
  writeFileSync(data, predictionCsv('sex', { f: [30, 20, 40, 10], m: [30, 20, 40, 10] }));
  return data;
}

const audit = (data: string, out: string, format: string): Promise<Awaited<ReturnType<typeof runCli>>> =>
  runCli(['bias', data, '-a', 'sex', '-l', 'label', '-p', 'prediction', '--out', out, '--format', format]);

describe('the report set of a run', () => {
  it('holds only the formats of the latest run: none is left over from an earlier one', async () => {
    const dir = tempDir();
    const data = demoLog(dir);
    const out = join(dir, 'reports');
    expect((await audit(data, out, 'html,json,md')).code).toBe(0);
    expect(readdirSync(join(out, 'bias')).sort()).toEqual(['audit.json', 'index.html', 'summary.md']);
    expect((await audit(data, out, 'json')).code).toBe(0);
    expect(readdirSync(join(out, 'bias'))).toEqual(['audit.json']);
    expect(readdirSync(out)).toEqual(['bias']);
  });

  it('moves the previous set aside when a run fails, so that nothing presents it as current', async () => {
    const dir = tempDir();
    const data = demoLog(dir);
    const out = join(dir, 'reports');
    expect((await audit(data, out, 'html,json')).code).toBe(0);
    const failed = await audit(join(dir, 'missing.csv'), out, 'html,json');
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('previous reports were moved to');
    expect(existsSync(join(out, 'bias'))).toBe(false);
    expect(readdirSync(join(out, 'bias.stale')).sort()).toEqual(['audit.json', 'index.html']);
  });

  it('refuses a folder on a pseudo file system before reading any data (exit 2)', async () => {
    const dir = tempDir();
    const run = await audit(demoLog(dir), '/proc/self/x', 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/proc');
    expect(run.stderr).toContain('--out');
  });

  it('refuses a report folder under a file, naming the file (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), 'x');
    const run = await audit(demoLog(dir), join(dir, 'plain-file', 'reports'), 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a file, not a folder/);
  });

  it('names the folder when the report folder itself is a file (exit 2)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'bias'), 'x');
    const run = await audit(demoLog(dir), join(dir, 'reports'), 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(dir, 'reports', 'bias'));
  });
});
