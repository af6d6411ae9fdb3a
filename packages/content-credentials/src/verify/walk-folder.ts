import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';

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

/** Why a path found by the walk is not verified at all. */
export type SkipReason = 'link-outside-root' | 'output-folder' | 'excluded';

export interface SkippedPath {
  /** Relative to the collection's base, forward slashes (the link itself, never its target). */
  readonly path: string;
  readonly reason: SkipReason;
}

/**
 * A path as the file system holds it: bytes. File names are bytes on Linux, and one that is not valid UTF-8
 * cannot round-trip through a JavaScript string (it decodes to U+FFFD), so the walk keeps the bytes to open it.
 */
export type RawPath = Buffer;

/** What one walk (of a folder input, or of a glob's folder) reports, by callback. */
export interface WalkVisitor {
  /** Only paths (relative to the walk root, forward slashes) that pass are reported. */
  readonly accept: (relativeToRoot: string) => boolean;
  readonly file: (path: RawPath, problem?: AssetProblem) => void;
  readonly skip: (path: RawPath, reason: SkipReason) => void;
  /** Real paths (latin1 keys, see `pathKey`) of folders never walked: the report folder. */
  readonly excludedFolders: ReadonlySet<string>;
  /** Real folders already walked in this run (shared by the walks of several inputs). */
  readonly visitedFolders: Set<string>;
}

/** A lossless string key of a raw path (one character per byte), for comparing real paths. */
export function pathKey(path: RawPath): string {
  return path.toString('latin1');
}

/** A raw path shown to a user: UTF-8, with invalid bytes as U+FFFD. */
export function pathText(path: RawPath): string {
  return path.toString('utf8');
}

const SEPARATOR = Buffer.from(sep);

function joinRaw(folder: RawPath, name: RawPath): RawPath {
  return Buffer.concat([folder, SEPARATOR, name]);
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

export function statProblem(error: unknown): AssetProblem {
  const code = errnoOf(error);
  if (code === 'ELOOP') return { reason: 'symlink-loop', message: 'symbolic link loop (ELOOP)' };
  if (code === 'ENOENT') return { reason: 'unreadable', message: 'broken symbolic link (ENOENT)' };
  return { reason: 'unreadable', message: `cannot read the path (${code})` };
}

/** True when the real path `inner` is `outer` or inside it (both latin1 keys). */
export function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

interface Walk {
  readonly visitor: WalkVisitor;
  readonly root: RawPath;
  /** Real path of the root: links that resolve outside it are not followed. */
  readonly rootReal: string;
}

function relativeToRoot(walk: Walk, path: RawPath): string {
  return pathText(path.subarray(walk.root.length + SEPARATOR.length))
    .split(sep)
    .join('/');
}

function report(walk: Walk, path: RawPath, problem?: AssetProblem): void {
  if (walk.visitor.accept(relativeToRoot(walk, path))) walk.visitor.file(path, problem);
}

async function visitFolder(walk: Walk, folder: RawPath, real: string, ancestors: readonly string[]) {
  if (walk.visitor.excludedFolders.has(real)) return walk.visitor.skip(folder, 'output-folder');
  // A link back to a folder above it would walk in circles; one reached twice otherwise is walked once.
  if (ancestors.includes(real)) {
    return report(walk, folder, {
      reason: 'symlink-loop',
      message: 'symbolic link loop: leads back to a folder above it',
    });
  }
  if (walk.visitor.visitedFolders.has(real)) return;
  walk.visitor.visitedFolders.add(real);
  let children: Dirent<Buffer>[];
  try {
    children = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    return report(walk, folder, {
      reason: 'unreadable',
      message: `cannot list the folder (${errnoOf(error)})`,
    });
  }
  children.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const child of children) {
    // Hidden files (.DS_Store, .gitkeep) are not assets; name them explicitly to verify them.
    if (child.name[0] === 0x2e) continue;
    await visitChild(walk, joinRaw(folder, child.name), child, [...ancestors, real]);
  }
}

async function visitChild(walk: Walk, path: RawPath, child: Dirent<Buffer>, ancestors: readonly string[]) {
  let info: Stats | Dirent<Buffer> = child;
  let real: string;
  if (child.isSymbolicLink()) {
    try {
      real = pathKey(await realpath(path, { encoding: 'buffer' }));
      info = await stat(path);
    } catch (error) {
      return report(walk, path, statProblem(error));
    }
    // Never follow a link out of the verified folder: in CI the folder may come from a pull request, and its
    // target (say /etc or a token file) must neither be read nor named in a report.
    if (!isInside(real, walk.rootReal)) return walk.visitor.skip(path, 'link-outside-root');
  } else {
    const parent = ancestors[ancestors.length - 1]!;
    real = `${parent.endsWith(sep) ? parent : parent + sep}${pathKey(child.name)}`;
  }
  if (info.isDirectory()) return visitFolder(walk, path, real, ancestors);
  if (info.isFile()) return report(walk, path);
  // FIFOs, sockets and devices are never opened: reading one could block for ever or never end.
  report(walk, path, { reason: 'not-a-file', message: 'not a regular file (FIFO, socket or device)' });
}

/**
 * Walks `root` (a folder, as raw bytes) depth-first in byte order of names: hidden entries are left out, links
 * are followed only when they resolve inside the root (each folder once, loops reported), and the excluded
 * folders are not entered. Everything found goes to the visitor.
 */
export async function walkFolder(root: RawPath, visitor: WalkVisitor): Promise<void> {
  let rootReal: string;
  try {
    rootReal = pathKey(await realpath(root, { encoding: 'buffer' }));
  } catch (error) {
    return visitor.file(root, statProblem(error));
  }
  const walk: Walk = { visitor, root, rootReal };
  await visitFolder(walk, root, rootReal, []);
}
