import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileProblem } from '@rai-audit/core';

export interface WalkedFile {
  /** Relative to the ledger's folder, forward slashes. */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

export interface WalkResult {
  files: WalkedFile[];
  problems: FileProblem[];
  /** Tracked paths (as given) that do not exist. */
  missing: string[];
}

/** The path relative to `root` with forward slashes, or undefined when it is outside `root`. */
export function relativeInside(root: string, absolute: string): string | undefined {
  const rel = relative(root, absolute);
  if (rel === '') return '';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function problem(path: string, reason: FileProblem['reason'], message: string): FileProblem {
  return { path, reason, message };
}

interface WalkContext {
  root: string;
  realRoot: string;
  ignored: (path: string) => boolean;
  result: WalkResult;
  seen: Set<string>;
}

function errorReason(error: unknown): FileProblem['reason'] {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ELOOP' ? 'symlink-loop' : code === 'ENOENT' ? 'missing-path' : 'unreadable';
}

/** Follows a symbolic link: its target must stay inside the ledger's root. */
function followLink(
  ctx: WalkContext,
  rel: string,
  absolute: string,
): { stats: Stats; real: string } | undefined {
  try {
    const real = realpathSync(absolute);
    if (relativeInside(ctx.realRoot, real) === undefined) {
      ctx.result.problems.push(
        problem(rel, 'outside-root', `the link points outside the ledger's folder, to ${real}`),
      );
      return undefined;
    }
    return { stats: statSync(real), real };
  } catch (error) {
    const reason = errorReason(error);
    ctx.result.problems.push(
      problem(rel, reason, reason === 'missing-path' ? 'a dangling symbolic link' : (error as Error).message),
    );
    return undefined;
  }
}

function visit(ctx: WalkContext, rel: string, absolute: string, ancestors: ReadonlySet<string>): void {
  let stats: Stats;
  let real = absolute;
  try {
    stats = lstatSync(absolute);
  } catch (error) {
    ctx.result.problems.push(problem(rel, errorReason(error), (error as Error).message));
    return;
  }
  if (stats.isSymbolicLink()) {
    const followed = followLink(ctx, rel, absolute);
    if (!followed) return;
    ({ stats, real } = followed);
  }
  if (stats.isDirectory()) {
    // Directories only: a loop always passes through one, and files are too many to resolve one by one.
    if (real === absolute) real = realpathSync(absolute);
    if (ancestors.has(real)) {
      ctx.result.problems.push(
        problem(rel, 'symlink-loop', 'a symbolic link leads back to a folder above it'),
      );
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(absolute);
    } catch (error) {
      ctx.result.problems.push(problem(rel, 'unreadable', (error as Error).message));
      return;
    }
    const inner = new Set(ancestors).add(real);
    for (const name of entries.sort()) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (!ctx.ignored(childRel)) visit(ctx, childRel, join(absolute, name), inner);
    }
    return;
  }
  if (!stats.isFile()) {
    ctx.result.problems.push(
      problem(rel, 'not-a-regular-file', 'not a regular file (a FIFO, socket or device)'),
    );
    return;
  }
  if (ctx.seen.has(rel)) return;
  ctx.seen.add(rel);
  ctx.result.files.push({ path: rel, absolute, size: stats.size, mtimeMs: stats.mtimeMs });
}

/**
 * Lists the regular files under tracked paths (files or folders, relative to `root`), sorted by path. Links are
 * followed when they stay inside `root`; loops, links out of it, FIFOs and unreadable entries become problems.
 */
export function walkTracked(
  root: string,
  paths: readonly string[],
  ignore: readonly string[] = [],
): WalkResult {
  const absoluteRoot = resolve(root);
  const isIgnored = ignore.length > 0 ? picomatch([...ignore], { dot: true, basename: true }) : () => false;
  const ctx: WalkContext = {
    root: absoluteRoot,
    realRoot: realpathSync(absoluteRoot),
    ignored: (path) => isIgnored(path),
    result: { files: [], problems: [], missing: [] },
    seen: new Set(),
  };
  for (const given of paths) {
    const absolute = resolve(absoluteRoot, given);
    const rel = relativeInside(absoluteRoot, absolute);
    if (rel === undefined) {
      ctx.result.problems.push(problem(given, 'outside-root', "the path is outside the ledger's folder"));
      continue;
    }
    try {
      lstatSync(absolute);
    } catch {
      ctx.result.missing.push(rel);
      continue;
    }
    visit(ctx, rel, absolute, new Set());
  }
  ctx.result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return ctx.result;
}
