import type { Check, ContentCredentialsSection } from '@rai-audit/core';

/**
 * A check names its asset as the user does (`subject.file`, relative to the working directory), while the section
 * keys assets relative to the verified folder. The two differ by one prefix for the whole run (the folder as
 * given), which the contract does not carry, so it is inferred: the prefix under which the most check files are
 * asset paths. The verifier writes both with forward slashes, so they are compared as they are (a backslash can be
 * part of a file name).
 */

/** The verified folder as a prefix, for breaking ties: `./out\\` reads `out/`. */
function rootAsPrefix(root: string): string {
  return `${root
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')}/`;
}

/** Every way to read `file` as a prefix followed by one of `paths`: the candidate prefixes. */
function candidatePrefixes(file: string, paths: ReadonlySet<string>): string[] {
  const prefixes = paths.has(file) ? [''] : [];
  for (let index = file.indexOf('/'); index !== -1; index = file.indexOf('/', index + 1)) {
    if (paths.has(file.slice(index + 1))) prefixes.push(file.slice(0, index + 1));
  }
  return prefixes;
}

function inferPrefix(files: readonly string[], paths: ReadonlySet<string>, root: string): string {
  const votes = new Map<string, number>();
  for (const file of new Set(files)) {
    for (const prefix of candidatePrefixes(file, paths)) votes.set(prefix, (votes.get(prefix) ?? 0) + 1);
  }
  const rootPrefix = rootAsPrefix(root);
  // Most votes wins; on a tie the verified folder as given, then the shorter prefix, then the sort order.
  const ranked = [...votes].sort(
    ([a, va], [b, vb]) =>
      vb - va ||
      Number(b === rootPrefix) - Number(a === rootPrefix) ||
      a.length - b.length ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  return ranked[0]?.[0] ?? '';
}

/**
 * The content-credentials checks of each asset of the section, keyed by asset path, in the order of the result;
 * every asset has an entry (empty when no check names it). Checks naming no asset of the section are left out.
 */
export function indexChecksByAsset(
  section: ContentCredentialsSection,
  checks: readonly Check[],
): Map<string, Check[]> {
  const byPath = new Map(section.assets.map((asset) => [asset.path, [] as Check[]]));
  const paths = new Set(byPath.keys());
  const fileChecks = checks.flatMap((check) =>
    check.area === 'content-credentials' && check.subject.file !== undefined
      ? [{ check, file: check.subject.file }]
      : [],
  );
  const prefix = inferPrefix(
    fileChecks.map((c) => c.file),
    paths,
    section.root,
  );
  for (const { check, file } of fileChecks) {
    if (file.startsWith(prefix)) byPath.get(file.slice(prefix.length))?.push(check);
  }
  return byPath;
}
