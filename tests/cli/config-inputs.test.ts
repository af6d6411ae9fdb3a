import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

/** A named pipe nobody writes to: reading it would wait forever. */
function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

function log(dir: string): string {
  const data = join(dir, 'log.csv');
  writeFileSync(data, predictionCsv('sex', { f: [30, 20, 40, 10], m: [30, 20, 40, 10] }));
  return data;
}

const bias = (dir: string, ...extra: string[]): ReturnType<typeof runCli> =>
  runCli([
    'bias',
    log(dir),
    '-a',
    'sex',
    '-l',
    'label',
    '-p',
    'prediction',
    '--out',
    join(dir, 'out'),
    ...extra,
  ]);

// Each file the CLI reads besides the data goes through one opening function: regular files only, a size limit.
describe('configuration-like inputs that are not regular files end at once with exit 2', () => {
  it.each([
    ['--policy', 'the policy file'],
    ['--expected-shares', 'the expected shares file'],
  ])('%s given a FIFO', async (flag, what) => {
    const dir = tempDir();
    const pipe = fifo(dir, 'pipe.json');
    const extra = flag === '--expected-shares' ? [flag, pipe, '-f', 'json'] : [flag, pipe];
    const run = await (flag === '--expected-shares'
      ? runCli(['bias', log(dir), '-a', 'sex', '-l', 'label', '--out', join(dir, 'out'), ...extra])
      : bias(dir, ...extra));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${what} is a named pipe (FIFO)`);
    expect(run.stderr).toContain(flag);
  });

  it('--trust given a FIFO', async () => {
    const dir = tempDir();
    const pipe = fifo(dir, 'anchors.pem');
    const run = await runCli(['assets', 'verify', dir, '--trust', pipe, '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the trust anchors file is a named pipe (FIFO)');
  });

  it('--from-counts given a FIFO ends with exit 3 instead of waiting', async () => {
    const dir = tempDir();
    const pipe = fifo(dir, 'counts.csv');
    const run = await runCli([
      'bias',
      '--from-counts',
      pipe,
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(3);
  });

  it.each([
    ['--policy', '/dev/zero'],
    ['--expected-shares', '/dev/urandom'],
  ])('%s %s is refused as a device without reading it', async (flag, device) => {
    const dir = tempDir();
    const run = await (flag === '--expected-shares'
      ? runCli(['bias', log(dir), '-a', 'sex', '-l', 'label', '--out', join(dir, 'out'), flag, device])
      : bias(dir, flag, device));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a device');
  });

  it('a policy file larger than the limit is refused, naming its size', async () => {
    const dir = tempDir();
    const big = join(dir, 'policy.yaml');
    writeFileSync(big, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const run = await bias(dir, '--policy', big);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/has \d+ bytes, more than the \d+/);
  });
});
