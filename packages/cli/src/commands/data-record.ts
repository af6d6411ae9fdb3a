import { relative, resolve } from 'node:path';
import { UsageError, type IntendedUse } from '@rai-audit/core';
import type { CliIo } from '../io.js';
import { runAudit, type AuditSpec, type CommonOptions } from '../run-audit.js';
import { toolVersion } from '../version.js';
import { parseCount } from './assets.js';
import { hashProgressReporter } from './data-progress.js';

export interface DataAddOptions {
  ledger: string;
  dataset: string;
  license?: string;
  source?: string;
  ignore: string[];
  workers: string;
}

export interface DataVerifyOptions extends CommonOptions {
  ledger: string;
  full?: boolean;
  update?: boolean;
  frozen?: boolean;
  use?: string;
  modelLicense?: string;
  workers: string;
}

const USES: readonly IntendedUse[] = ['commercial', 'non-commercial', 'research'];

/** `--use`: one of the intended uses, or a usage error listing them. */
export function parseIntendedUse(text: string | undefined): IntendedUse | undefined {
  if (text === undefined) return undefined;
  if ((USES as readonly string[]).includes(text)) return text as IntendedUse;
  throw new UsageError(`--use "${text}" is not an intended use`, { hint: `use one of ${USES.join(', ')}` });
}

const generatedBy = (): string => `rai-audit ${toolVersion()}`;

/** `rai-audit data add PATH… --dataset NAME`: exit 0 when every file was recorded, 3 when some could not be. */
export async function runDataAdd(io: CliIo, paths: string[], options: DataAddOptions): Promise<number> {
  const workers = parseCount(options.workers, '--workers');
  const provenance = await import('@rai-audit/data-provenance');
  const progress = hashProgressReporter(io, false);
  const result = await provenance.addFiles({
    ledger: resolve(io.cwd, options.ledger),
    dataset: options.dataset,
    paths,
    cwd: io.cwd,
    ignore: options.ignore,
    license: options.license,
    source: options.source,
    workers,
    generatedBy: generatedBy(),
    onProgress: progress.update,
  });
  progress.finish();
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  io.stdout(
    `${result.dataset}: recorded ${result.files} files (${mb} MB), digest ${result.digest ?? 'none'}\n`,
  );
  for (const problem of result.problems)
    io.stderr(`${problem.path}: ${problem.reason}: ${problem.message}\n`);
  if (result.problems.length > 0) {
    io.stderr(
      `${result.problems.length} entries were not recorded; the others were (${relative(io.cwd, resolve(io.cwd, options.ledger)) || options.ledger})\n`,
    );
    return 3;
  }
  return 0;
}

export interface DataAreaSettings {
  /** The ledger, relative to the working directory or absolute. */
  ledger: string;
  full?: boolean;
  update?: boolean;
  frozen?: boolean;
  intendedUse?: IntendedUse;
  modelLicense?: string;
  workers: number;
  /** How hashing progress is shown: the command's own bar, or as area messages (rai-audit run). */
  progress: 'bar' | 'messages';
  quiet?: boolean;
}

const MB = 1024 * 1024;

/** Hashing progress as area messages, at most one a second. */
function messageProgress(progress: (message: string) => void) {
  let last = 0;
  return {
    update: (p: { bytesDone: number; bytesTotal: number; filesDone: number; filesTotal: number }) => {
      const now = Date.now();
      if (now - last < 1_000 && p.filesDone !== p.filesTotal) return;
      last = now;
      progress(
        `rai-audit data: hashing ${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / MB).toFixed(0)}/${(p.bytesTotal / MB).toFixed(0)} MB`,
      );
    },
    finish: () => undefined,
  };
}

/** The data-provenance area run: re-hash the ledger's files (drift), and check licences against the intended use. */
export function dataAreaRun(io: CliIo, settings: DataAreaSettings): AuditSpec {
  const ledgerPath = resolve(io.cwd, settings.ledger);
  return {
    command: 'data',
    inputs: [{ path: settings.ledger, role: 'ledger' }],
    run: async (policy, areaProgress) => {
      const provenance = await import('@rai-audit/data-provenance');
      const paths = provenance.provenancePaths(ledgerPath);
      const progress =
        settings.progress === 'bar'
          ? hashProgressReporter(io, settings.quiet === true)
          : messageProgress(areaProgress);
      const verified = await provenance.verifyDatasets({
        ledger: ledgerPath,
        full: settings.full,
        update: settings.update,
        frozen: settings.frozen,
        workers: settings.workers,
        generatedBy: generatedBy(),
        onProgress: progress.update,
      });
      progress.finish();
      const licenses = provenance.auditLicenses(verified.ledger, {
        intendedUse: settings.intendedUse,
        modelLicense: settings.modelLicense,
      });
      const section = provenance.buildProvenanceSection({
        ledgerPath: relative(io.cwd, paths.ledger) || settings.ledger,
        ledger: verified.ledger,
        verified: verified.datasets,
        licenses,
        mode: settings.full ? 'full' : 'cache',
        intendedUse: settings.intendedUse ?? verified.ledger.intendedUse ?? null,
        modelLicense: settings.modelLicense ?? verified.ledger.model?.license ?? null,
      });
      const warnings = verified.lockWritten
        ? [
            {
              code: 'provenance.lock-updated',
              message: `${relative(io.cwd, paths.lock)} was rewritten (md5 entries re-hashed to sha256, refreshed mtimes, or --update)`,
            },
          ]
        : [];
      return { sections: [section], checks: provenance.provenanceChecks(section, policy), warnings };
    },
  };
}

/** `rai-audit data verify`: the drift and licence gate; reports like every audit. */
export async function runDataVerify(io: CliIo, options: DataVerifyOptions): Promise<number> {
  const workers = parseCount(options.workers, '--workers');
  const intendedUse = parseIntendedUse(options.use);
  if (options.frozen && options.update) {
    throw new UsageError('--frozen and --update contradict each other', { hint: 'use one of them' });
  }
  return runAudit(
    io,
    options,
    dataAreaRun(io, {
      ledger: options.ledger,
      full: options.full,
      update: options.update,
      frozen: options.frozen,
      intendedUse,
      modelLicense: options.modelLicense,
      workers,
      progress: 'bar',
      quiet: options.quiet,
    }),
  );
}
