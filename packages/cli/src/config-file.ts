import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '@rai-audit/core';

/** Configuration-like files (policies, expected shares, trust anchors) are small; a larger one is a mistake. */
export const CONFIG_FILE_LIMIT = 4 * 1024 * 1024;

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

export interface ConfigFileRole {
  /** What the file is, for messages: "the policy file". */
  what: string;
  /** Where the user named it, for the fix: "--policy". */
  flag: string;
}

/**
 * Reads a configuration-like file the user named, as UTF-8 text: a regular file only (a FIFO, a device or a folder
 * is refused without waiting on it), at most `limit` bytes. Every failure is a usage error naming the file and the flag.
 */
export function readConfigFile(
  file: string,
  cwd: string,
  role: ConfigFileRole,
  limit = CONFIG_FILE_LIMIT,
): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(resolve(cwd, file), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : (code ?? String(cause));
    throw new UsageError(`cannot read ${role.what} (${reason})`, {
      file,
      hint: `Check the path given to ${role.flag}`,
      cause,
    });
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) {
      throw new UsageError(`${role.what} is ${kindOf(info)}`, {
        file,
        hint: `Give ${role.flag} a regular file`,
      });
    }
    if (info.size > limit) {
      throw new UsageError(
        `${role.what} has ${info.size} bytes, more than the ${limit} a file of its kind may have`,
        {
          file,
          hint: `Check the path given to ${role.flag}`,
        },
      );
    }
    // Read at most limit + 1 bytes, so that a file growing while it is read cannot exhaust memory either.
    const buffer = Buffer.allocUnsafe(limit + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) {
        throw new UsageError(`${role.what} grew beyond ${limit} bytes while it was read`, {
          file,
          hint: `Check the path given to ${role.flag}`,
        });
      }
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
