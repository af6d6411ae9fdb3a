import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '@rai-audit/core';

export interface MutexOptions {
  /** How long to wait for another run to finish (default 120 s). */
  timeoutMs?: number;
}

function holderAlive(path: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    return true; // being written by its holder right now, or just removed: try again
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A process that was killed but not yet reaped by its parent (a zombie) still answers signal 0, yet it will never
 * release the mutex. On Linux its state in /proc says so; elsewhere it counts as alive.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may hold spaces and parentheses, the state follows the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/**
 * Runs `body` while holding `<lock>.mutex`, a file created exclusively with the holder's pid in it. Two `data add`
 * runs thus merge their entries one after the other, each reading the lock the other wrote. A mutex left by a
 * process that no longer exists (killed) is taken over.
 */
export async function withMutex<T>(
  lockPath: string,
  body: () => T | Promise<T>,
  options: MutexOptions = {},
): Promise<T> {
  const path = `${lockPath}.mutex`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(path)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new InputError('another rai-audit data command is updating the provenance lock', {
          file: path,
          hint: 'wait for it to finish; if none is running, delete this file',
        });
      }
      await sleep(Math.min(20 * (attempt + 1), 200));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(path, { force: true });
  }
}
