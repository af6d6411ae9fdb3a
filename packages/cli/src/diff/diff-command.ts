import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AuditResultSchema, InputError, SCHEMA_VERSION, UsageError, type AuditResult } from '@rai-audit/core';
import { writeFilesAtomically } from '../files.js';
import type { CliIo } from '../io.js';
import { compareResults } from './compare-results.js';
import { renderDiffMarkdown } from './render-diff.js';

export interface DiffOptions {
  format: string;
  out?: string;
  exitCode?: boolean;
}

async function readResult(file: string, cwd: string): Promise<AuditResult> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (cause) {
    throw new InputError('cannot read the audit result', {
      file,
      hint: 'Give the audit.json of a run',
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError('is not JSON', {
      file,
      hint: 'Give the audit.json of a run (--format json)',
      cause,
    });
  }
  const parsed = AuditResultSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    const issue = parsed.error.issues[0];
    throw new InputError(
      version !== SCHEMA_VERSION
        ? `has result schema version ${JSON.stringify(version)}; this rai-audit reads ${SCHEMA_VERSION}`
        : `is not a rai-audit result: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      { file, hint: 'Compare two audit.json files written by rai-audit' },
    );
  }
  return parsed.data;
}

/** `rai-audit diff OLD.json NEW.json`: what changed between two runs, as Markdown (a PR comment) or JSON. */
export async function runDiffCommand(
  io: CliIo,
  oldFile: string,
  newFile: string,
  options: DiffOptions,
): Promise<number> {
  const format = options.format.trim().toLowerCase();
  if (format !== 'md' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`unknown --format "${options.format}" for diff`, { hint: 'Use md or json' });
  }
  const [older, newer] = await Promise.all([readResult(oldFile, io.cwd), readResult(newFile, io.cwd)]);
  const diff = compareResults(older, newer);
  const text = format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff);
  if (options.out) await writeFilesAtomically([{ path: resolve(io.cwd, options.out), content: text }]);
  else io.stdout(text);
  return options.exitCode && diff.startedFailing.length + diff.assetsLosingCredentials.length > 0 ? 1 : 0;
}
