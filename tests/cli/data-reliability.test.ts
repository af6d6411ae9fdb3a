import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLock } from '../../packages/data-provenance/src/index.js';
import { repoRoot } from '../shared-fixtures.js';
import { tempDir } from './run-cli.js';

const bin = join(repoRoot, 'packages', 'cli', 'bin', 'rai-audit.js');
const built = existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'bundle', 'main.js'));

function makeTree(root: string, folder: string, files: number, size: number): void {
  mkdirSync(join(root, folder), { recursive: true });
  for (let i = 0; i < files; i++)
    writeFileSync(join(root, folder, `f${i}.bin`), Buffer.alloc(size, `${folder}${i}`));
}

const run = (cwd: string, args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

// These run the built executable (pnpm build, as `pnpm check` does first): real processes, killed for real.
describe.skipIf(!built)('data add under kills and concurrency (the built executable)', () => {
  it('leaves the previous or the new lock, both valid, when killed at random moments', async () => {
    const root = tempDir();
    makeTree(root, 'small', 2000, 512);
    makeTree(root, 'large', 4, 16 * 1024 * 1024);
    expect(run(root, ['data', 'add', 'small', '--dataset', 'base']).status).toBe(0);
    let completed = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      const child = spawn(
        process.execPath,
        [bin, 'data', 'add', 'large', 'small', '--dataset', `d${attempt}`],
        { cwd: root, stdio: 'ignore' },
      );
      const delay = 50 + Math.floor(Math.random() * 900);
      // Resolves on the child's exit only, killed or not, so that it has been reaped before the next step.
      const exited = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve(code === 0);
        });
      });
      if (exited) completed++;
      const lock = readLock(join(root, 'provenance.lock.json'), 'test');
      expect(lock.datasets.base?.files['small/f0.bin']).toBeDefined();
      if (exited) expect(Object.keys(lock.datasets[`d${attempt}`]?.files ?? {})).toHaveLength(2004);
    }
    // After the kills, a later run still works: a stale mutex of a killed process is taken over.
    expect(run(root, ['data', 'add', 'small', '--dataset', 'after']).status).toBe(0);
    const verify = run(root, ['data', 'verify', '--format', 'json', '-q']);
    expect(verify.stderr).not.toMatch(/edited by hand|not valid JSON/);
    expect(completed).toBeLessThanOrEqual(8);
  });

  it('two concurrent adds in separate processes keep both datasets', async () => {
    const root = tempDir();
    makeTree(root, 'a', 500, 1024);
    makeTree(root, 'b', 500, 1024);
    const start = (folder: string) =>
      new Promise<number | null>((resolve) => {
        spawn(process.execPath, [bin, 'data', 'add', folder, '--dataset', folder], {
          cwd: root,
          stdio: 'ignore',
        }).on('exit', resolve);
      });
    expect(await Promise.all([start('a'), start('b')])).toEqual([0, 0]);
    const lock = readLock(join(root, 'provenance.lock.json'), 'test');
    expect(Object.keys(lock.datasets).sort()).toEqual(['a', 'b']);
    expect(Object.keys(lock.datasets.a?.files ?? {})).toHaveLength(500);
    expect(readFileSync(join(root, 'provenance.yaml'), 'utf8')).toMatch(/name: a/);
    expect(readFileSync(join(root, 'provenance.yaml'), 'utf8')).toMatch(/name: b/);
  });
});
