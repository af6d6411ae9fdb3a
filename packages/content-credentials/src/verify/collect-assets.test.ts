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
      'elsewhere/token',
    ])
      writeFileSync(join(dir, file), 'x');
    symlinkSync('../../elsewhere', join(dir, 'site', 'photos', 'linked')); // leaves the root: not followed
    symlinkSync('../elsewhere/token', join(dir, 'site', 'secret.png')); // a file outside: not read
    symlinkSync('../generated/deep', join(dir, 'site', 'photos', 'deep-again')); // inside: walked once
    symlinkSync('../generated/a.png', join(dir, 'site', 'photos', 'a-again.png')); // inside: followed
    symlinkSync('..', join(dir, 'site', 'generated', 'up')); // a loop
    symlinkSync('missing.png', join(dir, 'site', 'broken.png'));
  });

  it('walks one folder: paths relative to it, hidden entries skipped, links inside followed once, loops reported', async () => {
    const { base, entries, skipped } = await collectAssets(['site'], dir);
    expect(base).toBe(join(dir, 'site'));
    expect(paths(entries)).toEqual([
      'broken.png (unreadable)',
      'generated/a.png',
      'generated/deep/b.jpg',
      'generated/up (symlink-loop)',
      'photos/a-again.png',
      'photos/c.jpg',
    ]);
    expect(skipped).toEqual([
      { path: 'photos/linked', reason: 'link-outside-root' },
      { path: 'secret.png', reason: 'link-outside-root' },
    ]);
    expect(JSON.stringify(skipped)).not.toContain('elsewhere');
  });

  it('does not follow links out of a glob’s folder either', async () => {
    const { entries, skipped } = await collectAssets(['site/**/*.png'], dir);
    expect(paths(entries)).toContain('site/photos/a-again.png');
    expect(paths(entries).join()).not.toMatch(/f\.png|secret/);
    expect(skipped.map((entry) => entry.path)).toEqual(['site/photos/linked', 'site/secret.png']);
  });

  it('never walks the excluded folders (the reports of the last run)', async () => {
    const { entries, skipped } = await collectAssets(['site'], dir, {
      excludeFolders: [join(dir, 'site', 'generated')],
    });
    expect(paths(entries).some((path) => path.startsWith('generated/'))).toBe(false);
    expect(skipped).toContainEqual({ path: 'generated', reason: 'output-folder' });
  });

  it('refuses /proc, /sys and /dev as inputs, and never opens devices found in a folder', async () => {
    await expect(collectAssets(['/proc/self'], dir)).rejects.toThrow(/pseudo file system/);
    await expect(collectAssets(['/sys/kernel'], dir)).rejects.toThrow(/pseudo file system/);
    await expect(collectAssets(['/dev/null'], dir)).rejects.toThrow(/pseudo file system/);
    await expect(collectAssets(['/proc/self/*'], dir)).rejects.toThrow(/pseudo file system/);
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
