import { join, relative, resolve, sep } from 'node:path';
import {
  InputError,
  type AssetResult,
  type Check,
  type ContentCredentialsSection,
  type ResolvedPolicy,
  type RunWarning,
} from '@rai-audit/core';
import { evaluateAssetChecks } from './asset-checks.js';
import { compileAssetRules, requirementsFor, rulePayloads, type CompiledAssetRule } from './asset-rules.js';
import { DEFAULT_THUMBNAIL_SIZE } from './asset-thumbnail.js';
import { assetWorkerScript } from './asset-worker-script.js';
import { contentCredentialsCheckDefinitions } from './check-definitions.js';
import { collectAssets, type AssetEntry } from './collect-assets.js';
import { createGlobMatcher } from './glob-match.js';
import { describeSkipped, skippedWarnings } from './skipped-paths.js';
import {
  errorAssetResult,
  gatherAssetEvidence,
  type AssetReader,
  type AssetTask,
  type EvidenceSettings,
} from './gather-asset-evidence.js';
import { checkWatermarkPayloads, uniquePayloads } from './watermark-payload-check.js';
import { runWorkerPool } from './worker-pool.js';
import { buildRunWarnings } from './run-warnings.js';

export interface VerifyAssetsRequest {
  /** Folders, files or globs, as the user gave them. */
  readonly inputs: readonly string[];
  readonly cwd: string;
  readonly policy: ResolvedPolicy;
  /** The policy file as the user named it, for errors in its rules. */
  readonly policyFile?: string;
  /** Folders never walked (absolute or relative to `cwd`): the report folder. */
  readonly excludeFolders?: readonly string[];
  /** PEM text of the trust anchors (see `parseTrustAnchorsPem`), and how the report names them. */
  readonly trustAnchorsPem?: string;
  readonly trustAnchorsLabel?: string;
  /** Validate signatures as of this time; the clock when absent. */
  readonly at?: Date;
  readonly allowNetwork?: boolean;
  /** User payloads (hex or 0b bits), scored on every image beside the known ones and the rules' lists. */
  readonly watermarkPayloads?: readonly string[];
  /** Globs (relative to the verified folder, like the policy's) of files to leave out. */
  readonly exclude?: readonly string[];
  /** Worker threads; 0 verifies in the calling thread, one asset at a time and without a time limit. */
  readonly workers: number;
  readonly timeoutMs: number;
  readonly maxPixels: number;
  /** Edge of the image previews in pixels (0: none); 96 by default. */
  readonly thumbnailSize?: number;
  /** Called with 0 before the first asset is read, then after each asset. */
  readonly onProgress?: (verified: number, total: number) => void;
  /** In the calling thread only: how files are read (tests inject failures that root cannot produce). */
  readonly reader?: AssetReader;
}

export interface VerifyAssetsOutcome {
  readonly section: ContentCredentialsSection;
  readonly checks: Check[];
  readonly warnings: RunWarning[];
}

function taskFor(
  entry: AssetEntry,
  rules: readonly CompiledAssetRule[],
  userPayloads: readonly string[],
): AssetTask {
  const payloads = uniquePayloads([
    { where: '', payloads: userPayloads },
    { where: '', payloads: rulePayloads(requirementsFor(entry.path, rules)) },
  ]);
  return { path: entry.path, absolutePath: entry.absolutePath, payloads };
}

async function gatherAll(
  tasks: readonly AssetTask[],
  request: VerifyAssetsRequest,
  settings: EvidenceSettings,
): Promise<AssetResult[]> {
  request.onProgress?.(0, tasks.length);
  if (request.workers === 0) {
    const results: AssetResult[] = [];
    for (const task of tasks) {
      results.push(await gatherAssetEvidence(task, settings, request.reader));
      request.onProgress?.(results.length, tasks.length);
    }
    return results;
  }
  const outcomes = await runWorkerPool<AssetTask, AssetResult>(tasks, {
    script: assetWorkerScript(),
    workerData: settings,
    size: request.workers,
    timeoutMs: request.timeoutMs,
    onSettled: request.onProgress,
  });
  return outcomes.map((outcome, index) =>
    outcome.ok
      ? outcome.output
      : errorAssetResult(tasks[index]!.path, 0, { reason: outcome.reason, message: outcome.message }),
  );
}

function evidenceSettings(request: VerifyAssetsRequest): EvidenceSettings {
  return {
    ...(request.trustAnchorsPem ? { trustAnchorsPem: request.trustAnchorsPem } : {}),
    ...(request.at ? { at: request.at.toISOString() } : {}),
    allowNetwork: request.allowNetwork ?? false,
    maxPixels: request.maxPixels,
    thumbnailSize: request.thumbnailSize ?? DEFAULT_THUMBNAIL_SIZE,
  };
}

function checkLevels(policy: ResolvedPolicy): (id: string) => 'error' | 'warn' | 'off' {
  const defaults = new Map(
    contentCredentialsCheckDefinitions.map((definition) => [definition.id, definition.defaultLevel]),
  );
  return (id) => policy.checks[id]?.level ?? defaults.get(id) ?? 'error';
}

function checkAllPayloads(rules: readonly CompiledAssetRule[], userPayloads: readonly string[]): void {
  checkWatermarkPayloads([
    { where: '--watermark-payload', payloads: userPayloads },
    ...rules.map((rule) => {
      const listed = rule.requirements.watermark;
      return { where: `assets["${rule.glob}"].watermark`, payloads: Array.isArray(listed) ? listed : [] };
    }),
  ]);
}

/** How the user names an asset: relative to the working directory when inside it, forward slashes. */
function displayPathFrom(cwd: string, base: string): (path: string) => string {
  return (path) => {
    const shown = relative(cwd, join(base, path));
    return (shown.startsWith('..') ? join(base, path) : shown).split(sep).join('/');
  };
}

function buildSection(
  request: VerifyAssetsRequest,
  settings: EvidenceSettings,
  assets: AssetResult[],
): ContentCredentialsSection {
  return {
    kind: 'content-credentials',
    id: 'content-credentials',
    title: 'Content credentials',
    root: request.inputs.join(', '),
    settings: {
      at: settings.at ?? null,
      trustAnchors: request.trustAnchorsPem ? (request.trustAnchorsLabel ?? 'given') : null,
      allowNetwork: settings.allowNetwork,
      // The schema counts threads; the in-thread mode (0, for tests) verifies on one.
      workers: Math.max(1, request.workers),
      timeoutMs: request.timeoutMs,
      maxPixels: request.maxPixels,
    },
    assets,
  };
}

/**
 * `rai-audit assets verify`: walks the inputs, gathers each asset's evidence (in worker threads unless
 * `workers` is 0), matches it against the policy's asset rules and evaluates one check per requirement.
 * Results are sorted by path, whatever order the workers finish in. Throws UsageError for payloads that cannot
 * work and InputError when the inputs hold no asset; a bad asset is an error result, never a thrown error.
 */
export async function verifyAssets(request: VerifyAssetsRequest): Promise<VerifyAssetsOutcome> {
  const rules = compileAssetRules(request.policy.assets, request.policyFile);
  const userPayloads = request.watermarkPayloads ?? [];
  checkAllPayloads(rules, userPayloads);
  const collected = await collectAssets(request.inputs, request.cwd, {
    excludeFolders: (request.excludeFolders ?? []).map((folder) => resolve(request.cwd, folder)),
  });
  const { base, skipped } = collected;
  const excluded = (request.exclude ?? []).map((glob, index) =>
    createGlobMatcher(glob, { file: request.policyFile, location: `exclude[${index}]` }),
  );
  const entries = collected.entries.filter((entry) => !excluded.some((matches) => matches(entry.path)));
  if (entries.length === 0) {
    const hint = skipped.length
      ? `nothing but ${skipped.length} skipped path(s) was found: ${describeSkipped(skipped)}`
      : 'the folder is empty or holds only hidden files';
    throw new InputError('no asset to verify', { file: request.inputs.join(' '), hint });
  }
  const settings = evidenceSettings(request);
  const tasks = entries.filter((entry) => !entry.problem).map((entry) => taskFor(entry, rules, userPayloads));
  const gathered = await gatherAll(tasks, request, settings);
  const unreadable = entries.flatMap((entry) =>
    entry.problem ? [errorAssetResult(entry.path, 0, entry.problem)] : [],
  );
  const assets = [...gathered, ...unreadable]
    .map((asset) => ({ ...asset, rules: requirementsFor(asset.path, rules).globs.slice() }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const context = { levelOf: checkLevels(request.policy), displayPath: displayPathFrom(request.cwd, base) };
  const checks = assets.flatMap((asset) =>
    evaluateAssetChecks(asset, requirementsFor(asset.path, rules), {
      levelOf: context.levelOf,
      file: context.displayPath(asset.path),
    }),
  );
  const warnings = [...buildRunWarnings(assets, rules, settings.allowNetwork), ...skippedWarnings(skipped)];
  return { section: buildSection(request, settings, assets), checks, warnings };
}
