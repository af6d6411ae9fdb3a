import { describe, expect, it } from 'vitest';
import { expandBraces, globToRegExp, hasGlobSyntax, matchesGlob } from './glob-match.js';

describe('expandBraces', () => {
  it('expands alternatives, nested ones and several groups in order', () => {
    expect(expandBraces('*.{png,jpg}')).toEqual(['*.png', '*.jpg']);
    expect(expandBraces('{a,b{c,d}}/x')).toEqual(['a/x', 'bc/x', 'bd/x']);
    expect(expandBraces('{a,b}-{1,2}')).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
  });

  it('keeps single-item braces, unbalanced braces and escaped braces literally', () => {
    expect(expandBraces('{a}.png')).toEqual(['{a}.png']);
    expect(expandBraces('{a,b.png')).toEqual(['{a,b.png']);
    expect(expandBraces('\\{a,b}.png')).toEqual(['\\{a,b}.png']);
  });
});

describe('matchesGlob', () => {
  const cases: Array<[pattern: string, path: string, expected: boolean]> = [
    ['generated/**', 'generated/cat.png', true],
    ['generated/**', 'generated/a/b/cat.png', true],
    ['generated/**', 'photos/cat.png', false],
    ['generated/**', 'generated', false],
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
    ['**', 'anything/at/all', true],
    ['résumé/*.png', 'résumé/x.png', true],
  ];
  it.each(cases)('%s against %s → %s', (pattern, path, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected);
  });

  it('compiles brace alternatives into one regular expression', () => {
    expect(globToRegExp('*.{png,jpg}').source).toBe('(?:^[^/]*\\.png$)|(?:^[^/]*\\.jpg$)');
  });
});

describe('hasGlobSyntax', () => {
  it('tells a pattern from a plain path', () => {
    expect(hasGlobSyntax('generated/**/*.png')).toBe(true);
    expect(hasGlobSyntax('x.{png,jpg}')).toBe(true);
    expect(hasGlobSyntax('generated/cat.png')).toBe(false);
  });
});
