import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { UsageError } from '@rai-audit/core';

/** Kernel file systems whose files are not storage: writing reports there loops or fails in odd ways. */
const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys', '/dev'];

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}${sep}`);
}

async function nearestExisting(path: string): Promise<string> {
  for (let current = path; ; current = dirname(current)) {
    try {
      await stat(current);
      return current;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') {
        throw new UsageError(`--out ${path}: a part of the path is a file, not a folder`, {
          hint: 'Choose another folder with --out',
        });
      }
      if (current === dirname(current)) return current;
    }
  }
}

/**
 * Refuses, before any work is done, a report folder that cannot hold reports: on a pseudo file system (/proc, /sys,
 * /dev), under a file, or in a folder that is not writable. `dir` is absolute.
 */
export async function checkOutputFolder(dir: string): Promise<void> {
  const existing = await nearestExisting(dir);
  const real = await realpath(existing).catch(() => existing);
  const pseudo = PSEUDO_FILE_SYSTEMS.find((root) => isUnder(real, root) || isUnder(dir, root));
  if (pseudo) {
    throw new UsageError(`--out ${dir} is on the kernel's ${pseudo} file system, which cannot hold reports`, {
      hint: 'Choose a folder on a disk with --out',
    });
  }
  const info = await stat(existing);
  if (!info.isDirectory()) {
    throw new UsageError(`--out ${dir}: ${existing} is a file, not a folder`, {
      hint: 'Choose another folder with --out, or move the file away',
    });
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`--out ${dir}: ${existing} is not writable`, {
      hint: 'Choose a folder you can write to with --out',
    });
  }
}
