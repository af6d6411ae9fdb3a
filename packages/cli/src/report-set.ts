import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError, UsageError } from '@rai-audit/core';

/*
 * A command's reports (`reports/bias/index.html`, `audit.json`, …) are one set: a reader must never see the HTML of
 * one run beside the JSON of another. The set is written into a fresh hidden folder beside its target and switched
 * in by renames: the target folder is, at every instant, the complete old set, the complete new set, or (for the
 * instant between the two renames) absent with the old set kept aside as `.NAME.old-…`, which the next run or the
 * signal handler puts back. Formats not requested in a run are not carried over, so nothing stale remains.
 */

const STAGING = /^\.(.+)\.(new|old)-(\d+)-[0-9a-f]+$/;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts back a set that an interrupted switch left aside, and removes staging folders of runs that no longer exist
 * (a run killed with SIGKILL cannot clean up after itself).
 */
export function recoverReportSets(parent: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const target = join(parent, name);
  for (const entry of entries.sort().reverse()) {
    const match = STAGING.exec(entry);
    if (!match || match[1] !== name || isAlive(Number(match[3]))) continue;
    const path = join(parent, entry);
    if (match[2] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** A file-system error while writing reports, as a message that names the folder and the fix. */
export function describeWriteError(error: unknown, dir: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path ?? dir;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new InputError(`no space left on the device while writing the reports to ${dir}`, {
        hint: 'Free some space or choose another folder with --out; the previous reports were kept',
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UsageError(`cannot write the reports to ${dir}: ${path} is not writable (${code})`, {
        hint: 'Choose a folder you can write to with --out',
        cause: error,
      });
    case 'ENOTDIR':
    case 'EEXIST':
      return new UsageError(`cannot write the reports to ${dir}: ${path} is a file, not a folder`, {
        hint: 'Choose another folder with --out, or move the file away',
        cause: error,
      });
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Writes `files` (names inside `dir`) as one set that replaces whatever set `dir` held; returns the paths written.
 * Nothing of the new set is visible until all of it is written. The writing is synchronous on purpose: a signal
 * is handled between event-loop turns, so SIGINT or SIGTERM can never land between two steps of the switch while
 * a file-system call is still under way in the thread pool.
 */
export async function writeReportSet(
  dir: string,
  files: ReadonlyArray<{ name: string; content: string }>,
): Promise<string[]> {
  const parent = dirname(dir);
  const name = basename(dir);
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staging = join(parent, `.${name}.new-${tag}`);
  const aside = join(parent, `.${name}.old-${tag}`);
  const restore = (): void => {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(aside)) return;
    // Interrupted before the new set was switched in: the old one goes back; after it: the old one goes.
    if (existsSync(dir)) rmSync(aside, { recursive: true, force: true });
    else renameSync(aside, dir);
  };
  try {
    mkdirSync(parent, { recursive: true });
    recoverReportSets(parent, name);
    mkdirSync(staging);
    for (const file of files) writeFileSync(join(staging, file.name), file.content, { flag: 'wx' });
    const hadSet = existsSync(dir);
    if (hadSet && !statSync(dir).isDirectory()) {
      throw Object.assign(new Error(`${dir} is a file`), { code: 'ENOTDIR', path: dir });
    }
    if (hadSet) renameSync(dir, aside);
    renameSync(staging, dir);
    if (hadSet) rmSync(aside, { recursive: true, force: true });
  } catch (error) {
    restore();
    throw describeWriteError(error, dir);
  }
  return files.map((file) => join(dir, file.name));
}

/**
 * After a run that failed before writing its reports, the set in `dir` is from an earlier run: it is moved to
 * `dir.stale` (replacing an older one) so that nothing presents it as current. Returns the new place, if any.
 */
export async function setAsideStaleReports(dir: string): Promise<string | undefined> {
  if (!existsSync(dir)) return undefined;
  const stale = `${dir}.stale`;
  try {
    await rm(stale, { recursive: true, force: true });
    await rename(dir, stale);
    return stale;
  } catch {
    return undefined;
  }
}
