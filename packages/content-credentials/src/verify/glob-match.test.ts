import { describe, expect, it } from 'vitest';
import { UsageError } from '@rai-audit/core';
import { createGlobMatcher, globPatternProblem, hasGlobSyntax, matchesGlob } from './glob-match.js';

describe('matchesGlob', () => {
  const cases: Array<[pattern: string, path: string, expected: boolean]> = [
    ['generated/**', 'generated/cat.png', true],
    ['generated/**', 'generated/a/b/cat.png', true],
    ['generated/**', 'photos/cat.png', false],
    ['generated/**', 'generated/x/..y', true],
    ['**/*.png', 'cat.png', true],
    ['**/*.png', 'a/b/cat.png', true],
    ['**/*.png', 'a/.hidden/cat.png', true],
    ['**/*.png', 'cat.png.txt', false],
    ['*.png', 'cat.png', true],
    ['*.png', 'a/cat.png', false],
    ['a/**/b.png', 'a/b.png', true],
    ['a/**/b.png', 'a/x/y/b.png', true],
    ['a/**/b.png', 'ab.png', false],
    ['photo?.jpg', 'photo1.jpg', true],
    ['photo?.jpg', 'photo12.jpg', false],
    ['photo?.jpg', 'photo/.jpg', false],
    ['*.{png,jpg}', 'x.jpg', true],
    ['*.{png,jpg}', 'x.gif', false],
    ['{generated/**,photos/*.jpg}', 'photos/a.jpg', true],
    ['{generated/**,photos/*.jpg}', 'photos/a/b.jpg', false],
    ['img[0-9].png', 'img7.png', true],
    ['img[!0-9].png', 'imgx.png', true],
    ['img[!0-9].png', 'img7.png', false],
    ['a+b (1).png', 'a+b (1).png', true],
    ['a+b (1).png', 'aab (1).png', false],
    ['\\*.png', '*.png', true],
    ['\\*.png', 'x.png', false],
    ['./generated/*.png', 'generated/x.png', true],
    ['generated/*.png', './generated/x.png', true],
    ['!photos/**', 'generated/x.png', true],
    ['!photos/**', 'photos/x.png', false],
    ['*.+(png|jpg)', 'x.jpg', true],
    ['img[[:digit:]].png', 'img7.png', true],
    ['{a,b}.png', 'a.png', true],
    ['**', 'anything/at/all', true],
    ['résumé/*.png', 'résumé/x.png', true],
  ];
  it.each(cases)('%s against %s → %s', (pattern, path, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected);
  });
});

describe('matchesGlob: every character a file name can hold', () => {
  // Linux file names hold any byte but '/' and NUL; invalid UTF-8 reaches JavaScript as U+FFFD.
  const names: Array<[what: string, name: string]> = [
    ['line feed', 'evil\n.png'],
    ['carriage return', 'evil\r.png'],
    ['line separator U+2028', 'evil\u2028.png'],
    ['paragraph separator U+2029', 'evil\u2029.png'],
    ['next line U+0085', 'evil\u0085.png'],
    ['escape and bell', 'evil\u001b]0;title\u0007.png'],
    [
      'every C0 control',
      `evil${Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('')}.png`,
    ],
    ['delete', 'evil\u007f.png'],
    ['right-to-left override', 'evil\u202egnp.exe'],
    ['invalid UTF-8 (as decoded)', `evil${Buffer.from([0xff, 0xfe]).toString('utf8')}.png`],
    ['a leading dot', '.evil.png'],
    ['only dots and spaces', '.. .png'],
  ];
  it.each(names)('%s: covered by gen/** and gen/*, in a subfolder too', (_, name) => {
    expect(matchesGlob(`gen/${name}`, 'gen/**')).toBe(true);
    expect(matchesGlob(`gen/${name}`, 'gen/*')).toBe(true);
    expect(matchesGlob(`gen/${name}/${name}`, 'gen/**')).toBe(true);
    expect(matchesGlob(`gen/${name}/x.png`, '**/*.png')).toBe(true);
    expect(matchesGlob(`other/${name}`, 'gen/**')).toBe(false);
  });
});

describe('bounded patterns', () => {
  const hostile: Array<[what: string, pattern: string]> = [
    ['"**/" × 20', '**/'.repeat(20) + 'x.png'],
    ['"*a" × 20', '*a'.repeat(20)],
    ['"{a,b}" × 24', '{a,b}'.repeat(24)],
    ['"*a" × 4 in one segment', '*a*a*a*a'],
    ['extglobs × 4', '+(a|aa)+(a|aa)+(a|aa)+(a|aa)'],
    ['2,000 characters', 'a'.repeat(2000)],
  ];
  it.each(hostile)('%s is refused with a UsageError naming it, or compiles', (_, pattern) => {
    const problem = globPatternProblem(pattern);
    if (problem === undefined) {
      // Accepted: it must then answer at once on a long adversarial name (no catastrophic backtracking).
      expect(createGlobMatcher(pattern)('a/'.repeat(40) + 'a'.repeat(250) + 'b')).toBe(false);
      return;
    }
    let thrown: unknown;
    try {
      createGlobMatcher(pattern, { file: 'policy.yaml', location: `assets[${JSON.stringify(pattern)}]` });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).describe()).toContain(JSON.stringify(pattern));
    expect((thrown as UsageError).describe()).toContain('policy.yaml');
  });

  it('accepts the patterns policies use', () => {
    for (const pattern of ['generated/**', '**/*.{png,jpg,webp}', 'img-*-*-*.png', 'a/**/b/**/c/*.png'])
      expect(globPatternProblem(pattern)).toBeUndefined();
  });

  it('counts a run of "**/" segments once: they mean the same as one', () => {
    expect(globPatternProblem('**/'.repeat(20) + '*.png')).toBeUndefined();
    expect(matchesGlob('a/b/c.png', '**/'.repeat(20) + '*.png')).toBe(true);
  });
});

describe('hasGlobSyntax', () => {
  it('tells a pattern from a plain path', () => {
    expect(hasGlobSyntax('generated/**/*.png')).toBe(true);
    expect(hasGlobSyntax('x.{png,jpg}')).toBe(true);
    expect(hasGlobSyntax('generated/cat.png')).toBe(false);
  });
});
