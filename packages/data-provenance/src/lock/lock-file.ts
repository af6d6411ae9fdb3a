import { readFileSync } from 'node:fs';
import { InputError, ProvenanceLockSchema, formatPath, type ProvenanceLock } from '@rai-audit/core';
import { emptyLock, lockIntegrity } from './lock-content.js';

export const LOCK_FIX =
  'do not edit the lock by hand: restore it from version control, or run `rai-audit data verify --full --update` ' +
  'to rebuild it from the files as they are now (after checking they are the ones you mean)';

/** Reads provenance.lock.json; a missing file is an empty lock; a malformed or hand-edited one is an InputError. */
export function readLock(path: string, generatedBy: string): ProvenanceLock {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyLock(generatedBy);
    throw new InputError('cannot read the provenance lock', { file: path, cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`the provenance lock is not valid JSON (${(error as Error).message})`, {
      file: path,
      hint: LOCK_FIX,
    });
  }
  // The integrity is taken over the JSON as read: a validated copy may order keys differently.
  const integrity = lockIntegrity((json as { datasets?: unknown } | null)?.datasets);
  const parsed = ProvenanceLockSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`the provenance lock does not match its schema: ${issue?.message ?? 'invalid'}`, {
      file: path,
      location: issue ? formatPath(issue.path) : undefined,
      hint: LOCK_FIX,
    });
  }
  if (integrity !== parsed.data.integrity) {
    throw new InputError(
      'the provenance lock was edited by hand (its integrity value does not match its content)',
      {
        file: path,
        location: 'integrity',
        hint: LOCK_FIX,
      },
    );
  }
  return parsed.data;
}
