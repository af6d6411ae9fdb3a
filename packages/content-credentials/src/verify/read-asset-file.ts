import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The file is not a regular file when opened (it was swapped for a FIFO or a device after the walk). */
export class NotARegularFileError extends Error {
  readonly code = 'ENOTREG';
}

/**
 * Reads a whole regular file. It is opened without blocking and checked on the open descriptor, so a path that
 * became a FIFO or a device after the walk is refused instead of read (a FIFO would block for ever, a device
 * never end).
 */
export async function readAssetFile(path: string | Uint8Array): Promise<Uint8Array> {
  const handle = await open(
    typeof path === 'string' ? path : Buffer.from(path),
    constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY,
  );
  try {
    if (!(await handle.stat()).isFile()) throw new NotARegularFileError('not a regular file (ENOTREG)');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
