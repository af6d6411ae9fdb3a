import { existsSync, readFileSync } from 'node:fs';
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

/**
 * A JSON file under ../shared, parsed; undefined when it is absent. Safe to call while a skipped `describe` is
 * collected (vitest runs describe bodies even when the suite is skipped).
 */
export function readSharedJson(...parts: string[]): unknown {
  return hasShared(...parts)
    ? (JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as unknown)
    : undefined;
}
