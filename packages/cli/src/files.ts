import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { InputError, type InputFile } from '@rai-audit/core';

/** What tells whether a file changed: its identity, size and modification time. */
export interface FileState {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

const stateOf = (info: Stats): FileState => ({
  dev: info.dev,
  ino: info.ino,
  size: info.size,
  mtimeMs: info.mtimeMs,
  ctimeMs: info.ctimeMs,
});

/** The file's state now, or undefined when it cannot be read (the audit then names the problem). */
export async function fileState(path: string): Promise<FileState | undefined> {
  return stat(path).then(stateOf, () => undefined);
}

const sameState = (a: FileState, b: FileState): boolean =>
  a.dev === b.dev &&
  a.ino === b.ino &&
  a.size === b.size &&
  a.mtimeMs === b.mtimeMs &&
  a.ctimeMs === b.ctimeMs;

function changedError(path: string): InputError {
  return new InputError('the file changed while it was audited: the results would mix its versions', {
    file: path,
    hint: 'Audit a file no process writes to meanwhile: wait for the writer to finish, or audit a copy',
  });
}

/** InputError when the file is no longer as it was before the run (replaced, truncated, appended to, rewritten). */
export async function assertUnchanged(path: string, before: FileState | undefined): Promise<void> {
  if (before === undefined) return;
  const now = await fileState(path);
  if (now === undefined || !sameState(now, before)) throw changedError(path);
}

/**
 * sha256 and size of a file, streamed so large data files are not held in memory. With `before` (the state taken
 * before the run), a file that changed since, or whose hashed bytes are not its size, is an InputError.
 */
export async function describeInputFile(
  path: string,
  role: string,
  cwd: string,
  before?: FileState,
): Promise<InputFile> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new InputError('cannot read the file', { file: path, hint: 'Check the path', cause });
  });
  if (!info.isFile()) {
    // A FIFO or a device would be read forever (or never end); only regular files are inputs.
    throw new InputError(`${role} input is not a regular file (a folder, FIFO or device)`, {
      file: path,
      hint: 'Give a regular file',
    });
  }
  if (before !== undefined && !sameState(stateOf(info), before)) throw changedError(path);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  if (before !== undefined && bytes !== info.size) throw changedError(path);
  return { role, path: displayPath(path, cwd), sha256: hash.digest('hex'), size: info.size };
}

/** The path relative to the working directory when it is inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  const shown = rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split('\\').join('/');
}

/**
 * Writes every file or none: each is written to a temporary sibling first, then all are renamed into place,
 * so an interrupted run never leaves a half-written report.
 */
export async function writeFilesAtomically(
  files: ReadonlyArray<{ path: string; content: string }>,
): Promise<void> {
  const staged: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temp, path: file.path });
      await writeFile(temp, file.content, { encoding: 'utf8', flag: 'wx' });
    }
    for (const { temp, path } of staged) await rename(temp, path);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
