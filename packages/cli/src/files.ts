import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { InputError, type InputFile } from '@rai-audit/core';

/** sha256 and size of a file, streamed so large data files are not held in memory. */
export async function describeInputFile(path: string, role: string, cwd: string): Promise<InputFile> {
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
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
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
