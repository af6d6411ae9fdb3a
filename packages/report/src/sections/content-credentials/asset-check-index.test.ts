import { describe, expect, it } from 'vitest';
import type { Check, ContentCredentialsSection } from '@rai-audit/core';
import { indexChecksByAsset } from './asset-check-index.js';
import { check } from '../../../test/fixture-checks.js';
import {
  contentCredentialsResult,
  contentCredentialsSection,
} from '../../../test/fixture-content-credentials.js';

function sectionWith(root: string, paths: readonly string[]): ContentCredentialsSection {
  const base = contentCredentialsSection();
  const template = base.assets[0];
  if (template === undefined) throw new Error('fixture has no asset');
  return { ...base, root, assets: paths.map((path) => ({ ...template, path })) };
}

function fileCheck(file: string, id = 'c2pa.manifest'): Check {
  return check({
    id,
    area: 'content-credentials',
    title: id,
    level: 'error',
    status: 'fail',
    message: file,
    actual: null,
    subject: { file },
  });
}

function filesOf(index: Map<string, Check[]>): Record<string, string[]> {
  return Object.fromEntries([...index].map(([path, checks]) => [path, checks.map((c) => c.message)]));
}

describe('indexChecksByAsset', () => {
  it('gives every asset of the fixture its checks, in result order', () => {
    const result = contentCredentialsResult();
    const section = result.sections[0] as ContentCredentialsSection;
    const index = indexChecksByAsset(section, result.checks);
    expect(index.size).toBe(section.assets.length);
    expect(index.get('generated/truncated.png')?.map((c) => c.id)).toEqual([
      'assets.readable',
      'c2pa.manifest',
      'assets.ai-declaration',
      'assets.watermark',
    ]);
    expect([...index.values()].flat()).toHaveLength(result.checks.length);
  });

  it('reads the folder prefix off the check files, whatever it is', () => {
    const section = sectionWith('/abs/out', ['a.png', 'b/c.png']);
    const index = indexChecksByAsset(section, [fileCheck('/abs/out/b/c.png'), fileCheck('/abs/out/a.png')]);
    expect(filesOf(index)).toEqual({ 'a.png': ['/abs/out/a.png'], 'b/c.png': ['/abs/out/b/c.png'] });
  });

  it('matches files named exactly as the assets when the folder is the working directory', () => {
    const section = sectionWith('a.png, b.png', ['a.png', 'b.png']);
    const index = indexChecksByAsset(section, [fileCheck('a.png'), fileCheck('b.png')]);
    expect(filesOf(index)).toEqual({ 'a.png': ['a.png'], 'b.png': ['b.png'] });
  });

  it('settles on the prefix most checks agree on when a path is also a suffix of another', () => {
    // Verified folder x: x/a.png is asset a.png, x/x/a.png is asset x/a.png.
    const section = sectionWith('x', ['a.png', 'x/a.png']);
    const index = indexChecksByAsset(section, [fileCheck('x/a.png'), fileCheck('x/x/a.png')]);
    expect(filesOf(index)).toEqual({ 'a.png': ['x/a.png'], 'x/a.png': ['x/x/a.png'] });
  });

  it('breaks a tie with the verified folder as given', () => {
    const section = sectionWith('./x/', ['a.png', 'x/a.png']);
    const index = indexChecksByAsset(section, [fileCheck('x/a.png')]);
    expect(filesOf(index)).toEqual({ 'a.png': ['x/a.png'], 'x/a.png': [] });
  });

  it('leaves out checks of other areas and checks that name no asset', () => {
    const section = sectionWith('out', ['a.png']);
    const other = { ...fileCheck('out/a.png'), area: 'bias' as const };
    const index = indexChecksByAsset(section, [other, fileCheck('elsewhere/z.png'), fileCheck('out/a.png')]);
    expect(filesOf(index)).toEqual({ 'a.png': ['out/a.png'] });
  });
});
