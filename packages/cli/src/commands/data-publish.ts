import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { InputError, UsageError, type LicenseTerms } from '@rai-audit/core';
import type { CliIo } from '../io.js';
import { runTimestamp } from '../audit-result.js';
import { toolVersion } from '../version.js';
import { parseIntendedUse } from './data-record.js';

export interface DataLicensesOptions {
  ledger: string;
  use?: string;
  modelLicense?: string;
  json?: boolean;
}

export interface DataExportOptions {
  ledger: string;
  format: string;
  dataset?: string;
  output?: string;
}

export interface DataImportOptions {
  ledger: string;
}

const generatedBy = (): string => `rai-audit ${toolVersion()}`;

function describeTerms(terms: LicenseTerms): string {
  const parts = [
    `commercial use ${terms.commercialUse}`,
    terms.attribution === 'yes'
      ? 'attribution'
      : terms.attribution === 'unknown'
        ? 'attribution unknown'
        : '',
    terms.shareAlike === 'yes' ? 'share-alike' : terms.shareAlike === 'unknown' ? 'share-alike unknown' : '',
    terms.noDerivatives === 'yes'
      ? 'no derivatives'
      : terms.noDerivatives === 'unknown'
        ? 'derivatives unknown'
        : '',
    terms.useRestrictions === 'yes' ? 'use restrictions' : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** `rai-audit data licenses`: obligations along lineage and conflicts; exit 1 on an error-level conflict. */
export async function runDataLicenses(io: CliIo, options: DataLicensesOptions): Promise<number> {
  const intendedUse = parseIntendedUse(options.use);
  const provenance = await import('@rai-audit/data-provenance');
  if (options.modelLicense !== undefined) {
    const { parseLicenseExpression } = await import('@rai-audit/core');
    const parsed = parseLicenseExpression(options.modelLicense);
    if (!parsed.ok) {
      throw new UsageError(`--model-license: ${parsed.message}`, {
        hint: parsed.suggestion ? `did you mean "${parsed.suggestion}"?` : 'write an SPDX expression',
      });
    }
  }
  const { ledger } = provenance.loadLedger(resolve(io.cwd, options.ledger));
  const audit = provenance.auditLicenses(ledger, { intendedUse, modelLicense: options.modelLicense });
  if (options.json) io.stdout(`${JSON.stringify(audit, null, 2)}\n`);
  else {
    for (const dataset of audit.datasets) {
      io.stdout(`${dataset.name}: ${dataset.expression ?? dataset.declared ?? 'no licence declared'}\n`);
      io.stdout(`  terms: ${describeTerms(dataset.terms)}\n`);
      if (JSON.stringify(dataset.lineageTerms) !== JSON.stringify(dataset.terms)) {
        io.stdout(`  along lineage: ${describeTerms(dataset.lineageTerms)}\n`);
      }
    }
    for (const conflict of audit.conflicts) {
      io.stdout(
        `${conflict.severity.toUpperCase()} ${conflict.subject}: ${conflict.message} [${conflict.code}]\n`,
      );
    }
    if (audit.conflicts.length === 0) io.stdout('no licence conflicts\n');
  }
  return audit.conflicts.some((conflict) => conflict.severity === 'error') ? 1 : 0;
}

/** `rai-audit data export --format croissant|cyclonedx|spdx`. */
export async function runDataExport(io: CliIo, options: DataExportOptions): Promise<number> {
  const formats = ['croissant', 'cyclonedx', 'spdx'];
  if (!formats.includes(options.format)) {
    throw new UsageError(`--format "${options.format}" is not an export format`, {
      hint: `use one of ${formats.join(', ')}`,
    });
  }
  const provenance = await import('@rai-audit/data-provenance');
  const paths = provenance.provenancePaths(resolve(io.cwd, options.ledger));
  const { ledger } = provenance.loadLedger(paths.ledger);
  const lock = provenance.readLock(paths.lock, generatedBy());
  const input = { ledger, lock, createdAt: runTimestamp(io.env).toISOString(), tool: generatedBy() };
  const document =
    options.format === 'croissant'
      ? provenance.exportCroissant(input, options.dataset)
      : options.format === 'cyclonedx'
        ? provenance.exportCycloneDx(input)
        : provenance.exportSpdx(input);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (options.output === undefined || options.output === '-') io.stdout(text);
  else {
    provenance.writeFileAtomic(resolve(io.cwd, options.output), text);
    io.stderr(`wrote ${options.output}\n`);
  }
  return 0;
}

/** `rai-audit data import FILE…`: Croissant metadata.json, .dvc files and dvc.lock into the ledger. */
export async function runDataImport(io: CliIo, files: string[], options: DataImportOptions): Promise<number> {
  const provenance = await import('@rai-audit/data-provenance');
  const paths = provenance.provenancePaths(resolve(io.cwd, options.ledger));
  let findings = 0;
  for (const file of files) {
    const absolute = resolve(io.cwd, file);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (cause) {
      throw new InputError('cannot read the file to import', { file, cause });
    }
    let result;
    if (file.endsWith('.dvc') || basename(file) === 'dvc.lock') {
      const dir = relative(paths.root, dirname(absolute)).split('\\').join('/');
      result = provenance.importDvc(text, file, dir === '' ? '.' : dir);
    } else {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new InputError(`not JSON (${(error as Error).message})`, {
          file,
          hint: 'import reads Croissant metadata.json, *.dvc and dvc.lock',
        });
      }
      result = provenance.importCroissant(json, file);
    }
    const names = await provenance.applyImport(paths.ledger, result, generatedBy());
    io.stdout(`${file}: imported ${names.join(', ') || 'nothing'}\n`);
    for (const finding of result.findings)
      io.stdout(`  ${finding.dataset}: ${finding.message} [${finding.code}]\n`);
    findings += result.findings.length;
  }
  if (findings > 0) io.stdout(`${findings} findings; run \`rai-audit data verify\` to check the bytes\n`);
  return 0;
}
