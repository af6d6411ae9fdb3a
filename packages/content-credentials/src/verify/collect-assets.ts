import type { Stats } from 'node:fs';
import { realpath, stat, statfs } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '@rai-audit/core';
import { createGlobMatcher, hasGlobSyntax } from './glob-match.js';
import {
  isInside,
  pathKey,
  pathText,
  walkFolder,
  type AssetProblem,
  type RawPath,
  type SkippedPath,
  type SkipReason,
  type WalkVisitor,
} from './walk-folder.js';

export type { AssetErrorReason, AssetProblem, SkippedPath, SkipReason } from './walk-folder.js';

/** One file to verify, or a path that cannot be (`problem`), found by walking the inputs. */
export interface AssetEntry {
  /** Relative to `base`, forward slashes: what policy globs are matched against (invalid UTF-8 as U+FFFD). */
  readonly path: string;
  /** Where to open it: a string, or the raw bytes when the name is not valid UTF-8. */
  readonly absolutePath: string | Uint8Array;
  readonly problem?: AssetProblem;
}

export interface CollectedAssets {
  /** The folder paths are relative to: the one folder given, otherwise the working directory. */
  readonly base: string;
  /** Sorted by path. */
  readonly entries: readonly AssetEntry[];
  /** Paths the walk found and left out (links out of the verified folder, the report folder, exclusions). */
  readonly skipped: readonly SkippedPath[];
}

export interface CollectOptions {
  /** Folders never walked, absolute: the report folder, so that one run does not verify the last one's reports. */
  readonly excludeFolders?: readonly string[];
  /** Paths (relative to the base, forward slashes) left out of the run, e.g. `--exclude` globs. */
  readonly exclude?: (path: string) => boolean;
}

// Pseudo file systems: reading them discloses the machine's state (/proc/self/environ) or never ends.
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];
const PSEUDO_FS_TYPES = new Set([0x9fa0 /* proc */, 0x62656572 /* sysfs */, 0x64626720 /* debugfs */]);

interface State {
  readonly base: string;
  readonly found: Map<string, AssetEntry>;
  readonly skipped: Map<string, SkippedPath>;
  readonly options: CollectOptions;
  readonly excludedFolders: ReadonlySet<string>;
  readonly visitedFolders: Set<string>;
}

function displayOf(state: State, path: RawPath): string {
  return relative(state.base, pathText(path)).split(sep).join('/') || '.';
}

function isValidUtf8(path: RawPath): boolean {
  return Buffer.from(pathText(path)).equals(path);
}

function addEntry(state: State, path: RawPath, problem?: AssetProblem): void {
  const key = pathKey(path);
  if (state.found.has(key)) return;
  const shown = displayOf(state, path);
  if (state.options.exclude?.(shown)) return addSkipped(state, path, 'excluded');
  const absolutePath = isValidUtf8(path) ? pathText(path) : new Uint8Array(path);
  state.found.set(key, { path: shown, absolutePath, ...(problem ? { problem } : {}) });
}

function addSkipped(state: State, path: RawPath, reason: SkipReason): void {
  const shown = displayOf(state, path);
  if (!state.skipped.has(shown)) state.skipped.set(shown, { path: shown, reason });
}

function visitor(state: State, accept: (relativeToRoot: string) => boolean): WalkVisitor {
  return {
    accept,
    file: (path, problem) => addEntry(state, path, problem),
    skip: (path, reason) => addSkipped(state, path, reason),
    excludedFolders: state.excludedFolders,
    visitedFolders: state.visitedFolders,
  };
}

/** `generated/**\/*.png` → walk `generated`, keep paths matching `**\/*.png` below it. */
function splitGlob(pattern: string): { root: string; rest: string } {
  const segments = pattern.split(sep).join('/').split('/');
  const firstGlob = segments.findIndex(hasGlobSyntax);
  const root = segments.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { root, rest: segments.slice(firstGlob).join('/') };
}

async function statInput(path: string, given: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InputError(`cannot read the asset path (${code})`, {
      file: given,
      hint: 'give a folder, files or a quoted glob such as "generated/**/*.png"',
      cause: error,
    });
  }
}

/** Refuses an input that lies in /proc, /sys, /dev or another pseudo file system: none of it is an asset. */
async function refusePseudoFileSystem(absolute: string, given: string): Promise<void> {
  const real = await realpath(absolute).catch(() => absolute);
  const type = (await statfs(real).catch(() => undefined))?.type;
  if (
    PSEUDO_ROOTS.some((root) => isInside(real, root)) ||
    (type !== undefined && PSEUDO_FS_TYPES.has(type))
  ) {
    throw new InputError('refusing to verify a pseudo file system (/proc, /sys, /dev): it holds no assets', {
      file: given,
      hint: 'give the folder of generated assets',
    });
  }
}

async function collectGlob(state: State, input: string, cwd: string): Promise<void> {
  const { root, rest } = splitGlob(input);
  const matcher = createGlobMatcher(rest, { location: `the pattern ${JSON.stringify(input)}` });
  const walkRoot = resolve(cwd, root);
  if (!(await statInput(walkRoot, root)).isDirectory()) {
    throw new InputError('the folder of the pattern is not a folder', {
      file: input,
      hint: 'check the glob',
    });
  }
  await refusePseudoFileSystem(walkRoot, input);
  const before = state.found.size;
  await walkFolder(Buffer.from(walkRoot), visitor(state, matcher));
  if (state.found.size === before) {
    throw new InputError('no file matches the pattern', { file: input, hint: 'check the glob and quote it' });
  }
}

async function collectInput(state: State, input: string, cwd: string): Promise<void> {
  const absolute = resolve(cwd, input);
  if (hasGlobSyntax(input) && !(await stat(absolute).catch(() => undefined))) {
    return collectGlob(state, input, cwd);
  }
  const info = await statInput(absolute, input);
  await refusePseudoFileSystem(absolute, input);
  if (info.isDirectory())
    return walkFolder(
      Buffer.from(absolute),
      visitor(state, () => true),
    );
  addEntry(
    state,
    Buffer.from(absolute),
    info.isFile() ? undefined : { reason: 'not-a-file', message: 'not a regular file' },
  );
}

async function realFolderKeys(folders: readonly string[]): Promise<Set<string>> {
  const keys = await Promise.all(
    folders.map(async (folder) =>
      pathKey(await realpath(Buffer.from(folder), { encoding: 'buffer' }).catch(() => Buffer.from(folder))),
    ),
  );
  return new Set(keys);
}

/**
 * The files to verify from the command-line inputs (folders, files, quoted globs). Walks never follow a link
 * out of the folder being walked, never enter the excluded folders, and never open anything: unreadable paths,
 * loops and special files become entries with a `problem` (each reported as an error result for that path),
 * links out of the folder and excluded paths are listed in `skipped`. Throws InputError for an input that does
 * not exist, lies in a pseudo file system (/proc, /sys, /dev), or a glob that matches nothing.
 */
export async function collectAssets(
  inputs: readonly string[],
  cwd: string,
  options: CollectOptions = {},
): Promise<CollectedAssets> {
  const single = inputs.length === 1 ? resolve(cwd, inputs[0]!) : undefined;
  const singleIsFolder = single !== undefined && (await stat(single).catch(() => undefined))?.isDirectory();
  const base = singleIsFolder ? single! : cwd;
  const state: State = {
    base: isAbsolute(base) ? base : resolve(base),
    found: new Map(),
    skipped: new Map(),
    options,
    excludedFolders: await realFolderKeys(options.excludeFolders ?? []),
    visitedFolders: new Set(),
  };
  for (const input of inputs) await collectInput(state, input, cwd);
  const byPath = <T extends { path: string }>(a: T, b: T): number =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  return {
    base: state.base,
    entries: [...state.found.values()].sort(byPath),
    skipped: [...state.skipped.values()].sort(byPath),
  };
}
