import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternBytes, tempTree } from '../../test/temp-tree.js';
import { hashFiles } from './hash-pool.js';

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

describe('hashFiles', () => {
  it('matches sha256 of the bytes for empty, small, chunk-boundary and multi-chunk files, in job order', async () => {
    const sizes = [0, 1, 1 << 20, (1 << 20) + 1, 5 * (1 << 20) + 7];
    const root = tempTree(Object.fromEntries(sizes.map((size, i) => [`f${i}`, patternBytes(size, i + 1)])));
    const jobs = sizes.map((size, i) => ({ path: join(root, `f${i}`), size, md5: i === 2 }));
    const outcomes = await hashFiles(jobs, { workers: 2 });
    outcomes.forEach((outcome, i) => {
      expect(outcome).toMatchObject({
        ok: true,
        size: sizes[i],
        sha256: sha(patternBytes(sizes[i] ?? 0, i + 1)),
      });
    });
    expect(outcomes[2]).toMatchObject({
      md5: createHash('md5')
        .update(patternBytes(1 << 20, 3))
        .digest('hex'),
    });
  });

  it('reports a FIFO, a missing file and progress without hanging', async () => {
    const root = tempTree({ a: 'abc' });
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const seen: number[] = [];
    const outcomes = await hashFiles(
      [
        { path: join(root, 'pipe'), size: 0 },
        { path: join(root, 'missing'), size: 0 },
        { path: join(root, 'a'), size: 3 },
      ],
      { onProgress: (p) => seen.push(p.filesDone) },
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual([
      'not-a-regular-file',
      'missing-path',
      'ok',
    ]);
    expect(seen.at(-1)).toBe(3);
  });

  it('reports a file that grows while it is hashed', async () => {
    const root = tempTree();
    const path = join(root, 'growing');
    writeFileSync(path, Buffer.alloc(128 * (1 << 20), 'rai'));
    const timer = setInterval(() => appendFileSync(path, 'more'), 1);
    try {
      const [outcome] = await hashFiles([{ path, size: 128 * (1 << 20) }], { workers: 1 });
      expect(outcome).toMatchObject({ ok: false, reason: 'changed-while-hashing' });
    } finally {
      clearInterval(timer);
    }
  });
});
