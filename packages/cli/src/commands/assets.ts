import { readConfigFile } from '../config-file.js';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { isRaiAuditError, UsageError, type ResolvedPolicy } from '@rai-audit/core';
import type { CliIo } from '../io.js';
import { runAudit, type AuditSpec, type CommonOptions } from '../run-audit.js';
import { addCommonOptions } from '../common-options.js';
import { registerAssetsKeygen } from './assets-keygen.js';
import { registerAssetsMark } from './assets-mark.js';
import { registerAssetsSurvive } from './assets-survive.js';

export interface AssetsVerifyOptions extends CommonOptions {
  trust: string[];
  at?: string;
  allowNetwork?: boolean;
  watermarkPayload: string[];
  workers: string;
  timeoutMs: string;
  maxPixels: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
// The package's DEFAULT_MAX_PIXELS, repeated so that --help does not load the image codecs.
export const DEFAULT_MAX_PIXELS = 64_000_000;
const PROGRESS_INTERVAL_MS = 2_000;

const VERIFY_EXAMPLES = `
Examples:
  # Verify a folder against a policy; reports go to reports/assets/
  $ rai-audit assets verify generated/ --policy rai-policy.yaml

  # Trust your own signing CA and validate as of a fixed time, so the verdict does not change as certificates expire
  $ rai-audit assets verify out/ --policy rai-policy.yaml --trust our-root-ca.pem --at 2026-01-01T00:00:00Z

  # Only some files (quote globs), also scoring your own dwtDct payloads
  $ rai-audit assets verify "generated/**/*.png" --watermark-payload 2d6f640f,0xb3ec907bb19e

  # A CI gate: every report format, exit 1 when an error-level requirement fails
  $ rai-audit assets verify generated/ --policy rai-policy.yaml --format html,json,junit,sarif,md --out artifacts

A policy maps globs (relative to the verified folder) to requirements:
  assets:
    "generated/**": { c2pa: valid, ai-declaration: required }
    "photos/**": { c2pa: trusted, signer: ["Example News"] }
    "**/*.png": { watermark: any-known }

Exit codes: 0 pass (warnings allowed), 1 an error-level check failed, 2 usage or policy error, 3 input or runtime error.`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Adds `rai-audit assets verify`; the command's code is imported only when it runs. */
export function registerAssetsCommand(
  program: Command,
  io: CliIo,
  done: (result: { exitCode: number }) => void,
): void {
  const assets = program
    .command('assets')
    .summary('verify C2PA content credentials, AI labels and watermarks of generated assets')
    .description('Content credentials of generated images, audio, video and documents.');
  addCommonOptions(
    assets
      .command('verify')
      .summary('verify assets against a policy: C2PA manifest, signer, AI declaration, invisible watermark')
      .description(
        'Verify each asset (detected by content): its C2PA manifest (validated by c2pa-rs), the signer, the IPTC ' +
          'AI-generation declaration in C2PA actions and XMP, and the dwtDct invisible watermark of images; then ' +
          'apply the policy’s `assets:` rules, one check per asset and requirement.',
      )
      .argument('<paths...>', 'a folder, files, or quoted globs such as "generated/**/*.png"')
      .option(
        '--trust <file.pem>',
        'trust anchors: PEM file of CA certificates (repeatable)',
        collect,
        [] as string[],
      )
      .option('--at <time>', 'validate signatures as of this ISO 8601 time (e.g. 2026-01-01T00:00:00Z)')
      .option('--allow-network', 'fetch remote C2PA manifests (never fetched otherwise)')
      .option(
        '--watermark-payload <hex>',
        'extra dwtDct payloads, hex, comma-separated (repeatable)',
        collect,
        [] as string[],
      )
      .option('--workers <n>', 'worker threads', String(availableParallelism()))
      .option('--timeout-ms <n>', 'time limit per asset, in milliseconds', String(DEFAULT_TIMEOUT_MS))
      .option('--max-pixels <n>', 'refuse larger images (decompression bombs)', String(DEFAULT_MAX_PIXELS)),
  )
    .addHelpText('after', VERIFY_EXAMPLES)
    .exitOverride()
    .action(async (paths: string[], options: AssetsVerifyOptions) => {
      done({ exitCode: await runAssetsVerifyCommand(io, paths, options) });
    });
  registerAssetsKeygen(assets, io, done);
  registerAssetsMark(assets, io, done);
  registerAssetsSurvive(assets, io, done);
}

/** A positive integer option, or a usage error naming it. */
export function parseCount(text: string, option: string, min = 1): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option} must be a whole number of at least ${min}, got "${text}"`, {
      hint: `for example ${option} ${Math.max(min, 4)}`,
    });
  }
  return value;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** `--at`: an ISO 8601 date (midnight UTC) or date and time with a zone; anything else is a usage error. */
export function parseValidationTime(text: string): Date {
  const trimmed = text.trim();
  const date = ISO_TIME.test(trimmed)
    ? new Date(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed)
    : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UsageError(`--at "${text}" is not an ISO 8601 time`, {
      hint: 'write a date (2026-01-01) or a date and time with its zone (2026-01-01T12:00:00Z)',
    });
  }
  return date;
}

/** Splits repeated, comma-separated `--watermark-payload` values. */
export function parsePayloadList(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

/** The PEM text of the trust anchor files, checked; undefined when none is given. */
export async function readTrustAnchors(
  files: readonly string[],
  cwd: string,
  parse: (pem: string, file: string) => string,
): Promise<string | undefined> {
  if (files.length === 0) return undefined;
  const blocks: string[] = [];
  for (const file of files) {
    const text = readConfigFile(file, cwd, {
      what: 'the trust anchors file',
      flag: "--trust or the policy's trust: list",
    });
    try {
      blocks.push(parse(text, file));
    } catch (error) {
      // A trust file is configuration: a bad one is a usage error (exit 2), not a bad asset.
      if (!isRaiAuditError(error)) throw error;
      throw new UsageError(error.message, { file, location: error.location, hint: error.hint, cause: error });
    }
  }
  return blocks.join('');
}

/** Progress on stderr for long runs: the number of assets, then a line every few seconds. */
function progressReporter(
  progress: (message: string) => void,
  workers: number,
): (done: number, total: number) => void {
  let last = Date.now();
  let reported = false;
  return (done, total) => {
    const now = Date.now();
    if (done === 0) {
      if (total > 1)
        progress(`rai-audit assets: verifying ${total} assets with ${Math.min(workers, total)} workers…`);
    } else if (done < total && now - last >= PROGRESS_INTERVAL_MS) {
      progress(`verified ${done}/${total} assets…`);
      last = now;
      reported = true;
    } else if (done === total && reported) progress(`verified ${total}/${total} assets`);
  };
}

export interface AssetsAreaSettings {
  trust: readonly string[];
  /** The file the policy came from (the policy file or rai-audit.yaml), for messages about its globs. */
  policyFile?: string;
  /** Folders never verified: the report folder of the last run. */
  excludeFolders: readonly string[];
  /** The folder the policy's `trust:` paths are relative to (the policy file's or rai-audit.yaml's). */
  policyDir: string;
  at?: Date;
  allowNetwork: boolean;
  watermarkPayloads: readonly string[];
  exclude?: readonly string[];
  workers: number;
  timeoutMs: number;
  maxPixels: number;
}

/** The assets area run: verify `paths` against the policy's asset rules, with the given trust and limits. */
export function assetsAreaRun(io: CliIo, paths: readonly string[], settings: AssetsAreaSettings): AuditSpec {
  // Trust anchors come from --trust and from the policy's `trust:` list (paths relative to the policy file).
  const trustFiles = (policy: ResolvedPolicy): string[] => [
    ...settings.trust,
    ...policy.trust.map((file) => relative(io.cwd, resolve(io.cwd, settings.policyDir, file)) || file),
  ];
  return {
    command: 'assets',
    // Assets are hashed inside the section (one sha256 per asset); inputs list the files that configure the run.
    inputs: (policy) => trustFiles(policy).map((path) => ({ path, role: 'trust-anchors' })),
    run: async (policy, progress, waiting) => {
      const credentials = await import('@rai-audit/content-credentials');
      const files = trustFiles(policy);
      const trustAnchorsPem = await readTrustAnchors(files, io.cwd, credentials.parseTrustAnchorsPem);
      const verifying = credentials.verifyAssets({
        inputs: paths,
        cwd: io.cwd,
        policy,
        policyFile: settings.policyFile,
        excludeFolders: settings.excludeFolders,
        trustAnchorsPem,
        trustAnchorsLabel: files.join(', ') || undefined,
        at: settings.at,
        allowNetwork: settings.allowNetwork,
        watermarkPayloads: settings.watermarkPayloads,
        ...(settings.exclude?.length ? { exclude: settings.exclude } : {}),
        workers: settings.workers,
        timeoutMs: settings.timeoutMs,
        maxPixels: settings.maxPixels,
        onProgress: progressReporter(progress, settings.workers),
      });
      // Worker threads (at least one) decode and verify the assets: the main thread mostly waits.
      waiting();
      const outcome = await verifying;
      return { sections: [outcome.section], checks: outcome.checks, warnings: outcome.warnings };
    },
  };
}

/** `rai-audit assets verify <paths…>`: the content-credentials gate. */
export async function runAssetsVerifyCommand(
  io: CliIo,
  paths: string[],
  options: AssetsVerifyOptions,
): Promise<number> {
  const settings: AssetsAreaSettings = {
    workers: parseCount(options.workers, '--workers'),
    timeoutMs: parseCount(options.timeoutMs, '--timeout-ms'),
    maxPixels: parseCount(options.maxPixels, '--max-pixels'),
    at: options.at === undefined ? undefined : parseValidationTime(options.at),
    watermarkPayloads: parsePayloadList(options.watermarkPayload),
    trust: options.trust,
    policyDir: dirname(options.policy ?? '.'),
    policyFile: options.policy,
    // The reports of the last run are not assets of this one (`assets verify .` with the default --out).
    excludeFolders: [resolve(io.cwd, options.out)],
    allowNetwork: options.allowNetwork ?? false,
  };
  return runAudit(io, options, assetsAreaRun(io, paths, settings));
}
