/**
 * Policy globs (`generated/**`, `**\/*.{png,jpg}`) matched against asset paths relative to the verified folder,
 * with forward slashes. Node's `path.matchesGlob` is experimental in Node 20 (it prints a warning on first use)
 * and skips dot-files under `**`, so the few rules a policy needs are implemented here:
 *
 * - `**` as a whole segment matches zero or more segments; elsewhere it acts as `*`
 * - `*` matches any run of characters within a segment, `?` one character (never `/`)
 * - `{a,b}` alternatives, nestable, may contain `/`; `[abc]`, `[a-z]`, `[!a]` classes within a segment
 * - `\x` matches `x` literally; a leading `./` is ignored
 *
 * A pattern without `/` matches at the top level only (`*.png` is not `**\/*.png`), as minimatch does.
 */

/** Splits `{a,b}` alternatives into every pattern they stand for; unbalanced braces are kept literally. */
export function expandBraces(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  const close = findMatchingBrace(pattern, open);
  if (close < 0) return [pattern];
  const alternatives = splitTopLevelCommas(pattern.slice(open + 1, close));
  const prefix = pattern.slice(0, open);
  const suffixes = expandBraces(pattern.slice(close + 1));
  if (alternatives.length < 2) {
    // `{a}` is not an alternation: keep the braces and expand what follows.
    return suffixes.map((suffix) => `${prefix}{${alternatives[0] ?? ''}}${suffix}`);
  }
  return alternatives.flatMap((alternative) =>
    expandBraces(alternative).flatMap((middle) => suffixes.map((suffix) => `${prefix}${middle}${suffix}`)),
  );
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === char) return i;
  }
  return -1;
}

function findMatchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevelCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** A `[…]` class at `start`, as regex source and the index after it, or undefined when it is not closed. */
function readClass(segment: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i += 1;
  let body = '';
  for (let first = true; i < segment.length; i += 1, first = false) {
    const char = segment[i]!;
    if (char === ']' && !first) {
      return { source: `[${negated ? '^/' : ''}${body}]`, end: i + 1 };
    }
    if (char === '\\' && i + 1 < segment.length) {
      const next = segment[++i]!;
      body += next === '-' ? '\\-' : escapeRegex(next);
    } else body += char === '-' ? '-' : escapeRegex(char);
  }
  return undefined;
}

function segmentToRegex(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i += 1) {
    const char = segment[i]!;
    if (char === '\\' && i + 1 < segment.length) source += escapeRegex(segment[++i]!);
    else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const cls = readClass(segment, i);
      if (cls) {
        source += cls.source;
        i = cls.end - 1;
      } else source += '\\[';
    } else source += escapeRegex(char);
  }
  return source;
}

/** Regex source for one brace-free pattern, anchored at both ends. */
function braceFreeToRegex(pattern: string): string {
  const segments = pattern.replace(/^(\.\/)+/, '').split('/');
  let source = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentToRegex(segment) + (last ? '' : '/');
  });
  return `^${source}$`;
}

/** Compiles a glob into one anchored RegExp (alternatives from braces joined by `|`). */
export function globToRegExp(pattern: string): RegExp {
  const sources = [...new Set(expandBraces(pattern).map(braceFreeToRegex))];
  return new RegExp(sources.length === 1 ? sources[0]! : sources.map((s) => `(?:${s})`).join('|'), 'u');
}

/** A reusable matcher for one glob; `path` is relative with forward slashes. */
export function createGlobMatcher(pattern: string): (path: string) => boolean {
  const regex = globToRegExp(pattern);
  return (path) => regex.test(path.replace(/^(\.\/)+/, ''));
}

/** True when `path` (relative, forward slashes) matches the glob `pattern`. */
export function matchesGlob(path: string, pattern: string): boolean {
  return createGlobMatcher(pattern)(path);
}

/** True when the text contains glob syntax, so a command-line argument is a pattern rather than a path. */
export function hasGlobSyntax(text: string): boolean {
  return /[*?[{]/.test(text);
}
