import picomatch from 'picomatch';
import { UsageError } from '@rai-audit/core';

/**
 * Policy globs (`generated/**`, `**\/*.{png,jpg}`) and glob arguments, matched by picomatch against asset paths
 * relative to the verified folder, with forward slashes. Two settings matter for security:
 *
 * - `dot: true`: a hidden folder or file under `generated/**` is still covered by the rule;
 * - the regular expression's `s` flag: picomatch's `**` compiles to `.`, which without it stops at a line
 *   terminator, so `generated/evil<LF>.png` would escape a `generated/**` rule. A file name may hold any
 *   character but `/` and NUL (invalid UTF-8 reaches us as U+FFFD), and every one of them must match.
 *
 * picomatch compiles to a backtracking regular expression: each `*` in a segment is a lazy `[^/]*?`, so
 * `*a*a*a*a` against a 250-character name takes seconds and each further star multiplies that by about a
 * hundred. Patterns are therefore bounded before they are compiled (see `GLOB_LIMITS`); beyond the bounds a
 * pattern is refused with a UsageError naming it, rather than risking a run that never ends.
 */
export const GLOB_LIMITS = {
  /** Characters in one pattern. */
  maxLength: 512,
  /** Variable-length wildcards (`*`, `**`, extglobs) in one path segment of the pattern. */
  maxStarsPerSegment: 3,
  /** Variable-length wildcards in the whole pattern. */
  maxStars: 8,
  /** `{…}` groups in the whole pattern. */
  maxBraceGroups: 8,
} as const;

const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  flags: 's',
  maxLength: GLOB_LIMITS.maxLength,
  strictSlashes: false,
  // `[!a]` negates a class and `[[:digit:]]` is a POSIX class, as in a shell.
  posix: true,
};

/** Variable-length constructs in one segment: `*` runs (`**` counts once) and extglob openers `?(`, `+(`, `@(`, `!(`. */
function countStars(segment: string): number {
  let count = 0;
  for (let i = 0; i < segment.length; i += 1) {
    const char = segment[i];
    if (char === '\\') i += 1;
    else if (char === '*') {
      count += 1;
      while (segment[i + 1] === '*') i += 1;
    } else if ((char === '?' || char === '+' || char === '@' || char === '!') && segment[i + 1] === '(')
      count += 1;
  }
  return count;
}

function countBraceGroups(pattern: string): number {
  let count = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === '{') count += 1;
  }
  return count;
}

/** Why a pattern is refused (too long, too many wildcards or brace groups), or undefined when it is accepted. */
export function globPatternProblem(pattern: string): string | undefined {
  const { maxLength, maxStarsPerSegment, maxStars, maxBraceGroups } = GLOB_LIMITS;
  if (pattern.length > maxLength)
    return `the pattern is ${pattern.length} characters long, above the limit of ${maxLength}`;
  if (pattern.includes('\0')) return 'the pattern holds a NUL character, which no file name can';
  // A `**` segment followed by more `**` segments means the same as one; count the run once.
  const segments = pattern
    .split('/')
    .filter((segment, index, all) => !(segment === '**' && all[index - 1] === '**'));
  const perSegment = segments.map(countStars);
  const busiest = Math.max(0, ...perSegment.filter((_, index) => segments[index] !== '**'));
  if (busiest > maxStarsPerSegment)
    return `a path segment has ${busiest} wildcards (*), above the limit of ${maxStarsPerSegment} per segment`;
  const total = perSegment.reduce((sum, count) => sum + count, 0);
  if (total > maxStars) return `the pattern has ${total} wildcards (*, **), above the limit of ${maxStars}`;
  const braces = countBraceGroups(pattern);
  if (braces > maxBraceGroups)
    return `the pattern has ${braces} brace groups ({…}), above the limit of ${maxBraceGroups}`;
  return undefined;
}

/** Where a pattern came from, for the error: a policy key or a command-line argument. */
export interface GlobSource {
  readonly file?: string;
  readonly location?: string;
}

/**
 * A reusable matcher for one glob; `path` is relative with forward slashes. Throws UsageError naming the
 * pattern (and where it came from) for a pattern beyond `GLOB_LIMITS` or one picomatch cannot compile.
 */
export function createGlobMatcher(pattern: string, source: GlobSource = {}): (path: string) => boolean {
  const problem = globPatternProblem(pattern);
  const refuse = (reason: string, cause?: unknown): UsageError =>
    new UsageError(`glob ${JSON.stringify(pattern)} is refused: ${reason}`, {
      ...source,
      hint: 'Write a simpler pattern (fewer wildcards and brace groups), or several rules',
      cause,
    });
  if (problem) throw refuse(problem);
  let matcher: (path: string) => boolean;
  try {
    matcher = picomatch(pattern.replace(/^(\.\/)+/, ''), PICOMATCH_OPTIONS);
  } catch (error) {
    throw refuse((error as Error).message, error);
  }
  return (path) => matcher(path.replace(/^(\.\/)+/, ''));
}

/** True when `path` (relative, forward slashes) matches the glob `pattern`. */
export function matchesGlob(path: string, pattern: string): boolean {
  return createGlobMatcher(pattern)(path);
}

/** True when the text contains glob syntax, so a command-line argument is a pattern rather than a path. */
export function hasGlobSyntax(text: string): boolean {
  return picomatch.scan(text).isGlob;
}
