import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, UsageError, type ModelCardSource } from '@rai-audit/core';
import { provenanceFromCycloneDx, type ProvenanceDataset } from '../data/card-data.js';
import type { AuditSource } from '../evaluation/evaluation-records.js';
import { readAuditResult } from '../evaluation/read-audit-result.js';
import { importHfReadme } from '../import/hf-readme.js';
import type { LossReport } from '../import/loss-report.js';
import { importMctJson } from '../import/mct-json.js';
import { cardLicenseIssues } from '../source/card-licenses.js';
import { formatCardIssues, parseCardSource } from '../source/parse-card-source.js';

async function readText(path: string, cwd: string, what: string, error: 'usage' | 'input'): Promise<string> {
  return readFile(resolve(cwd, path), 'utf8').catch((cause: unknown) => {
    const Kind = error === 'usage' ? UsageError : InputError;
    throw new Kind(`cannot read the ${what}`, { file: path, hint: 'Check the path', cause });
  });
}

/** Reads and validates a card source; a syntax error, a wrong type or a non-SPDX licence is a usage error (exit 2). */
export async function loadCardSource(
  path: string,
  cwd: string,
): Promise<{ card: ModelCardSource; warnings: string[] }> {
  const parsed = parseCardSource(await readText(path, cwd, 'card source', 'usage'));
  if ('issues' in parsed) {
    throw new UsageError(`invalid card source${parsed.kind === 'syntax' ? ' (YAML syntax)' : ''}`, {
      lines: formatCardIssues(path, parsed.issues).split('\n'),
      hint: 'Fix the card source at the places shown',
    });
  }
  const licenses = cardLicenseIssues(parsed.value, parsed.locate);
  if (licenses.length > 0) {
    throw new UsageError('invalid licence in the card source', {
      file: path,
      lines: formatCardIssues(path, licenses).split('\n'),
    });
  }
  return { card: parsed.value, warnings: parsed.warnings.map((w) => `${path}: ${w}`) };
}

/** Reads each bias audit result through the core contract (exit 3 on a bad or unknown-version result). */
export async function loadAuditSources(paths: readonly string[], cwd: string): Promise<AuditSource[]> {
  return Promise.all(
    paths.map(async (file) => ({
      file,
      result: readAuditResult(await readText(file, cwd, 'audit result', 'input'), file),
    })),
  );
}

/** Reads a provenance export (CycloneDX with data components). */
export async function loadProvenance(path: string | undefined, cwd: string): Promise<ProvenanceDataset[]> {
  if (!path) return [];
  const text = await readText(path, cwd, 'provenance export', 'input');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new InputError('is not JSON', {
      file: path,
      hint: 'Pass the output of `rai-audit data export --format cyclonedx`',
      cause,
    });
  }
  const datasets = provenanceFromCycloneDx(doc);
  if (!datasets)
    throw new InputError('is not a CycloneDX BOM', {
      file: path,
      hint: 'Pass the output of `rai-audit data export --format cyclonedx`',
    });
  return datasets;
}

async function sha256(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

/** sha256 of each audited data file as it is now (null when it cannot be read), for the stale-metrics check. */
export async function currentDigests(
  sources: readonly AuditSource[],
  cwd: string,
): Promise<Map<string, string | null>> {
  const paths = [
    ...new Set(sources.flatMap((s) => s.result.inputs.filter((i) => i.role === 'data').map((i) => i.path))),
  ];
  const digests = await Promise.all(
    paths.map(async (path) => [path, await sha256(resolve(cwd, path))] as const),
  );
  return new Map(digests);
}

/** Imports a Hugging Face README.md or a Model Card Toolkit JSON, told apart by content. */
export async function importCardFile(
  path: string,
  cwd: string,
): Promise<{ card: ModelCardSource; loss: LossReport; format: 'hf-readme' | 'mct-json' }> {
  const text = await readText(path, cwd, 'card to import', 'input');
  if (/^\s*\{/.test(text)) return { ...importMctJson(text, path), format: 'mct-json' };
  return { ...importHfReadme(text), format: 'hf-readme' };
}
