import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '@rai-audit/core';
import { createGlobMatcher, hasGlobSyntax } from './glob-match.js';

/** Why an asset could not be verified (the `error.reason` of its result). */
export type AssetErrorReason =
  | 'unreadable'
  | 'symlink-loop'
  | 'not-a-file'
  | 'empty'
  | 'unsupported-type'
  | 'mislabelled'
  | 'corrupt'
  | 'too-large'
  | 'timeout'
  | 'crashed'
  | 'internal-error';

export interface AssetProblem {
  readonly reason: AssetErrorReason;
  readonly message: string;
}

/** One file to verify, or a path that cannot be (`problem`), found by walking the inputs. */
export interface AssetEntry {
  /** Relative to `base`, forward slashes: what policy globs are matched against. */
  readonly path: string;
  readonly absolutePath: string;
  readonly problem?: AssetProblem;
}

export interface CollectedAssets {
  /** The folder paths are relative to: the one folder given, otherwise the working directory. */
  readonly base: string;
  /** Sorted by path. */
  readonly entries: readonly AssetEntry[];
}

interface WalkState {
  readonly base: string;
  readonly visitedFolders: Set<string>;
  readonly found: Map<string, AssetEntry>;
  /** Only files whose path relative to the walk root passes are kept (glob inputs). */
  readonly accept: (relativeToRoot: string) => boolean;
  readonly root: string;
}

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

function addEntry(state: WalkState, absolutePath: string, problem?: AssetProblem): void {
  const path = toSlashes(relative(state.base, absolutePath)) || '.';
  if (!state.found.has(absolutePath)) state.found.set(absolutePath, { path, absolutePath, problem });
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

function statProblem(error: unknown): AssetProblem {
  const code = errnoOf(error);
  if (code === 'ELOOP') return { reason: 'symlink-loop', message: 'symbolic link loop (ELOOP)' };
  if (code === 'ENOENT') return { reason: 'unreadable', message: 'broken symbolic link (ENOENT)' };
  return { reason: 'unreadable', message: `cannot read the path (${code})` };
}

/** True when `real` is the folder `parentReal` or one of its ancestors: following it would walk in circles. */
function leadsBack(real: string, parentReal: string | undefined): boolean {
  return (
    parentReal !== undefined &&
    (parentReal === real || parentReal.startsWith(real.endsWith(sep) ? real : real + sep))
  );
}

async function visitFolder(state: WalkState, folder: string, parentReal?: string): Promise<void> {
  let real: string;
  try {
    real = await realpath(folder);
  } catch (error) {
    return addIfAccepted(state, folder, statProblem(error));
  }
  if (leadsBack(real, parentReal)) {
    return addIfAccepted(state, folder, {
      reason: 'symlink-loop',
      message: `symbolic link loop: leads back to ${toSlashes(relative(state.base, real)) || '.'}`,
    });
  }
  // A folder reached twice through links (not a loop) is walked once.
  if (state.visitedFolders.has(real)) return;
  state.visitedFolders.add(real);
  let children: Dirent[];
  try {
    children = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    return addIfAccepted(state, folder, {
      reason: 'unreadable',
      message: `cannot list the folder (${errnoOf(error)})`,
    });
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    // Hidden files (.DS_Store, .gitkeep) are not assets; name them explicitly to verify them.
    if (child.name.startsWith('.')) continue;
    await visitChild(state, join(folder, child.name), child, real);
  }
}

async function visitChild(state: WalkState, path: string, child: Dirent, parentReal: string): Promise<void> {
  let info: Stats | Dirent = child;
  if (child.isSymbolicLink()) {
    try {
      info = await stat(path);
    } catch (error) {
      return addIfAccepted(state, path, statProblem(error));
    }
  }
  if (info.isDirectory()) return visitFolder(state, path, parentReal);
  if (info.isFile()) return addIfAccepted(state, path);
  // FIFOs, sockets and devices: reading one could block for ever.
  addIfAccepted(state, path, {
    reason: 'not-a-file',
    message: 'not a regular file (FIFO, socket or device)',
  });
}

/** Adds the path when the walk keeps it: every path of a folder input, those matching a glob input. */
function addIfAccepted(state: WalkState, path: string, problem?: AssetProblem): void {
  if (state.accept(toSlashes(relative(state.root, path)))) addEntry(state, path, problem);
}

/** `generated/**\/*.png` → walk `generated`, keep paths matching `**\/*.png` below it. */
function splitGlob(pattern: string): { root: string; rest: string } {
  const segments = toSlashes(pattern).split('/');
  const firstGlob = segments.findIndex(hasGlobSyntax);
  const root = segments.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { root, rest: segments.slice(firstGlob).join('/') };
}

async function statInput(path: string, given: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new InputError(`cannot read the asset path (${errnoOf(error)})`, {
      file: given,
      hint: 'give a folder, files or a quoted glob such as "generated/**/*.png"',
      cause: error,
    });
  }
}

async function collectInput(state: WalkState, input: string, cwd: string): Promise<void> {
  const absolute = resolve(cwd, input);
  if (hasGlobSyntax(input) && !(await stat(absolute).catch(() => undefined))) {
    const { root, rest } = splitGlob(input);
    const matcher = createGlobMatcher(rest);
    const walkRoot = resolve(cwd, root);
    if (!(await statInput(walkRoot, root)).isDirectory()) {
      throw new InputError('the folder of the pattern is not a folder', {
        file: input,
        hint: 'check the glob',
      });
    }
    const before = state.found.size;
    await visitFolder({ ...state, accept: matcher, root: walkRoot }, walkRoot);
    if (state.found.size === before) {
      throw new InputError('no file matches the pattern', {
        file: input,
        hint: 'check the glob and quote it',
      });
    }
    return;
  }
  const info = await statInput(absolute, input);
  if (info.isDirectory()) return visitFolder({ ...state, accept: () => true, root: absolute }, absolute);
  addEntry(
    state,
    absolute,
    info.isFile() ? undefined : { reason: 'not-a-file', message: 'not a regular file' },
  );
}

/**
 * The files to verify from the command-line inputs (folders, files, quoted globs), walked without following
 * symlink loops. Unreadable paths, loops and special files become entries with a `problem`, so that each is
 * reported as an error result for that path while the others are verified. Throws InputError for an input
 * that does not exist or a glob that matches nothing.
 */
export async function collectAssets(inputs: readonly string[], cwd: string): Promise<CollectedAssets> {
  const single = inputs.length === 1 ? resolve(cwd, inputs[0]!) : undefined;
  const singleIsFolder = single !== undefined && (await stat(single).catch(() => undefined))?.isDirectory();
  const base = singleIsFolder ? single! : cwd;
  const state: WalkState = {
    base,
    visitedFolders: new Set(),
    found: new Map(),
    accept: () => true,
    root: base,
  };
  for (const input of inputs) await collectInput(state, input, cwd);
  const entries = [...state.found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { base: isAbsolute(base) ? base : resolve(base), entries };
}
