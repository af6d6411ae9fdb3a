import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/temp-tree.js';
import { walkTracked } from './walk-tracked.js';

describe('walkTracked', () => {
  it('lists files under folders, sorted, relative to the root, leaving out ignored ones', () => {
    const root = tempTree({ 'd/b.csv': 'b', 'd/a.csv': 'a', 'd/s/c.tmp': 'c', 'd/s/d.csv': 'd' });
    const walk = walkTracked(root, ['d'], ['*.tmp']);
    expect(walk.files.map((f) => f.path)).toEqual(['d/a.csv', 'd/b.csv', 'd/s/d.csv']);
    expect(walk.problems).toEqual([]);
  });

  it('reports a symlink loop, a link out of the root and a dangling link, and terminates', () => {
    const root = tempTree({ 'd/a.csv': 'a' });
    const outside = tempTree({ 'secret.txt': 's' });
    symlinkSync(join(root, 'd'), join(root, 'd', 'loop'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'd', 'out.txt'));
    symlinkSync(join(root, 'nowhere'), join(root, 'd', 'dangling'));
    const walk = walkTracked(root, ['d']);
    expect(walk.files.map((f) => f.path)).toEqual(['d/a.csv']);
    expect(walk.problems.map((p) => [p.path, p.reason]).sort()).toEqual([
      ['d/dangling', 'missing-path'],
      ['d/loop', 'symlink-loop'],
      ['d/out.txt', 'outside-root'],
    ]);
  });

  it('follows a link that stays inside the root', () => {
    const root = tempTree({ 'real/a.csv': 'a' });
    mkdirSync(join(root, 'd'));
    symlinkSync(join(root, 'real'), join(root, 'd', 'linked'));
    expect(walkTracked(root, ['d']).files.map((f) => f.path)).toEqual(['d/linked/a.csv']);
  });

  it('reports a FIFO instead of opening it, and a path outside the root', () => {
    const root = tempTree({ 'd/a.csv': 'a' });
    execFileSync('mkfifo', [join(root, 'd', 'pipe')]);
    const walk = walkTracked(root, ['d', '../elsewhere']);
    expect(walk.problems.map((p) => [p.path, p.reason])).toEqual([
      ['d/pipe', 'not-a-regular-file'],
      ['../elsewhere', 'outside-root'],
    ]);
  });

  it('lists a tracked path that does not exist as missing', () => {
    expect(walkTracked(tempTree(), ['gone']).missing).toEqual(['gone']);
  });
});
