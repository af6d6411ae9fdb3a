import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@rai-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectAssets } from './collect-assets.js';
import { describeMislabel } from './media-extension.js';

describe('collectAssets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rai-audit-collect-'));
  const paths = (entries: ReadonlyArray<{ path: string; problem?: { reason: string } }>) =>
    entries.map((entry) => (entry.problem ? `${entry.path} (${entry.problem.reason})` : entry.path));

  beforeAll(() => {
    for (const folder of ['site/generated/deep', 'site/photos', 'site/.cache', 'elsewhere'])
      mkdirSync(join(dir, folder), { recursive: true });
    for (const file of [
      'site/generated/a.png',
      'site/generated/deep/b.jpg',
      'site/photos/c.jpg',
      'site/.cache/d.png',
      'site/.e.png',
      'elsewhere/f.png',
    ])
      writeFileSync(join(dir, file), 'x');
    symlinkSync('../../elsewhere', join(dir, 'site', 'photos', 'linked')); // followed once
    symlinkSync('..', join(dir, 'site', 'generated', 'up')); // a loop
    symlinkSync('missing.png', join(dir, 'site', 'broken.png'));
  });

  it('walks one folder: paths relative to it, hidden entries skipped, links followed once, loops reported', async () => {
    const { base, entries } = await collectAssets(['site'], dir);
    expect(base).toBe(join(dir, 'site'));
    expect(paths(entries)).toEqual([
      'broken.png (unreadable)',
      'generated/a.png',
      'generated/deep/b.jpg',
      'generated/up (symlink-loop)',
      'photos/c.jpg',
      'photos/linked/f.png',
    ]);
  });

  it('takes files and quoted globs relative to the working directory, without duplicates', async () => {
    const { base, entries } = await collectAssets(
      ['site/generated/**/*.{png,jpg}', 'site/photos/c.jpg', 'site/generated/a.png'],
      dir,
    );
    expect(base).toBe(dir);
    expect(paths(entries)).toEqual([
      'site/generated/a.png',
      'site/generated/deep/b.jpg',
      'site/photos/c.jpg',
    ]);
  });

  it('throws an InputError naming a missing input or a glob that matches nothing', async () => {
    await expect(collectAssets(['nope'], dir)).rejects.toThrow(InputError);
    await expect(collectAssets(['site/**/*.gif'], dir)).rejects.toThrow(/no file matches the pattern/);
  });
});

describe('describeMislabel', () => {
  it('flags an extension that promises another type, and accepts families and unknown extensions', () => {
    expect(describeMislabel('a/x.jpg', 'image/png')).toBe(
      'the content is image/png but the name ends in .jpg (image/jpeg)',
    );
    expect(describeMislabel('x.JPEG', 'image/jpeg')).toBeUndefined();
    expect(describeMislabel('x.mp4', 'audio/mp4')).toBeUndefined();
    expect(describeMislabel('x.heic', 'image/heif')).toBeUndefined();
    expect(describeMislabel('x.bin', 'image/png')).toBeUndefined();
    expect(describeMislabel('.png', 'image/jpeg')).toBeUndefined();
  });
});
