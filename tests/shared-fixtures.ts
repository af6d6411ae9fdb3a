import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Third-party fixtures and schemas live beside the checkout in ../shared and are never copied into it. */
export const sharedRoot = resolve(repoRoot, '..', 'shared');

/** Absolute path of a file under ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(sharedRoot, ...parts);
}

/** True when ../shared/<parts> exists; tests that need it use `describe.skipIf(!hasShared(...))`. */
export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

/** The reason printed in the test name when ../shared is absent (a fresh clone by a user). */
export const SHARED_ABSENT =
  '(skipped: ../shared is absent; third-party fixtures are not part of the repository)';
