import { readAssetFile } from '../verify/read-asset-file.js';
import {
  InputError,
  isRaiAuditError,
  type AssetResult,
  type ContentCredentialsSection,
  type SurvivalCell,
  type SurvivalTransform,
} from '@rai-audit/core';
import { DEFAULT_THUMBNAIL_SIZE } from '../verify/asset-thumbnail.js';
import { collectAssets } from '../verify/collect-assets.js';
import {
  errorAssetResult,
  gatherAssetEvidence,
  type AssetReader,
  type EvidenceSettings,
} from '../verify/gather-asset-evidence.js';
import { applyTransform } from './transforms.js';

export interface SurviveAssetsRequest {
  /** Folders, files or quoted globs, as `assets verify` takes them. */
  readonly inputs: readonly string[];
  readonly cwd: string;
  readonly transforms: readonly SurvivalTransform[];
  readonly trustAnchorsPem?: string;
  readonly trustAnchorsLabel?: string;
  /** dwtDct payloads to score besides the known ones (hex). */
  readonly watermarkPayloads?: readonly string[];
  readonly maxPixels: number;
  /** Called after each asset with the number done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How files are read; tests inject failures. */
  readonly reader?: AssetReader;
}

const AI_VERDICTS = new Set(['ai-generated', 'composite-with-ai', 'conflicting']);

/** One cell row of the matrix: which marks the (transformed) asset still carries, as verify reads them. */
export function survivalCell(
  asset: string,
  transform: SurvivalCell['transform'],
  evidence: AssetResult,
): SurvivalCell {
  const c2pa = evidence.c2pa;
  const valid = c2pa?.state === 'Valid' || c2pa?.state === 'Trusted';
  const declaration = evidence.declaration;
  return {
    asset,
    transform,
    c2pa: c2pa?.outcome === 'manifest' ? (valid ? 'valid' : 'invalid') : 'absent',
    aiLabel:
      declaration && AI_VERDICTS.has(declaration.verdict) ? declaration.sources.map((s) => s.source) : [],
    terms: [
      ...(evidence.terms?.c2pa ? (['c2pa'] as const) : []),
      ...(evidence.terms?.xmp ? (['xmp'] as const) : []),
    ],
    watermark: evidence.watermark?.status === 'found' ? (evidence.watermark.payload ?? null) : null,
  };
}

function failedCell(asset: string, transform: SurvivalCell['transform'], error: string): SurvivalCell {
  return { asset, transform, c2pa: 'absent', aiLabel: [], terms: [], watermark: null, error };
}

async function surviveOne(
  task: { path: string; absolutePath: string | Uint8Array; payloads: readonly string[] },
  request: SurviveAssetsRequest,
  settings: EvidenceSettings,
): Promise<{ asset: AssetResult; cells: SurvivalCell[] }> {
  const reader = request.reader ?? readAssetFile;
  let bytes: Uint8Array | undefined;
  const original = await gatherAssetEvidence(task, settings, async (path) => (bytes = await reader(path)));
  const cells = [survivalCell(task.path, 'original', original)];
  for (const transform of request.transforms) {
    if (!bytes || original.mediaType === null || original.error?.reason === 'corrupt') {
      cells.push(failedCell(task.path, transform, original.error?.message ?? 'the asset could not be read'));
      continue;
    }
    try {
      const transformed = await applyTransform(bytes, original.mediaType, transform);
      const evidence = await gatherAssetEvidence(
        task,
        { ...settings, thumbnailSize: 0 },
        async () => transformed,
      );
      cells.push(survivalCell(task.path, transform, evidence));
    } catch (error) {
      if (!isRaiAuditError(error)) throw error;
      cells.push(failedCell(task.path, transform, error.message));
    }
  }
  return { asset: original, cells };
}

/**
 * `rai-audit assets survive`: verifies each asset, applies every transform in memory and verifies the result
 * again through the same pipeline, giving a matrix asset × transform × mark (C2PA valid, AI label, terms,
 * watermark). Works on the calling thread, one asset after another. Throws InputError when the inputs hold no asset.
 */
export async function surviveAssets(request: SurviveAssetsRequest): Promise<ContentCredentialsSection> {
  const { entries } = await collectAssets(request.inputs, request.cwd);
  if (entries.length === 0)
    throw new InputError('no asset to transform', {
      file: request.inputs.join(' '),
      hint: 'the folder is empty or holds only hidden files',
    });
  const settings: EvidenceSettings = {
    ...(request.trustAnchorsPem ? { trustAnchorsPem: request.trustAnchorsPem } : {}),
    allowNetwork: false,
    maxPixels: request.maxPixels,
    thumbnailSize: DEFAULT_THUMBNAIL_SIZE,
  };
  const assets: AssetResult[] = [];
  const cells: SurvivalCell[] = [];
  for (const entry of entries) {
    request.onProgress?.(assets.length, entries.length);
    if (entry.problem) {
      assets.push(errorAssetResult(entry.path, 0, entry.problem));
      for (const transform of ['original', ...request.transforms] as const)
        cells.push(failedCell(entry.path, transform, entry.problem.message));
      continue;
    }
    const task = {
      path: entry.path,
      absolutePath: entry.absolutePath,
      payloads: request.watermarkPayloads ?? [],
    };
    const outcome = await surviveOne(task, request, settings);
    assets.push(outcome.asset);
    cells.push(...outcome.cells);
  }
  request.onProgress?.(assets.length, entries.length);
  return {
    kind: 'content-credentials',
    id: 'content-credentials',
    title: 'Content credentials: which marks survive',
    root: request.inputs.join(', '),
    settings: {
      at: null,
      trustAnchors: request.trustAnchorsPem ? (request.trustAnchorsLabel ?? 'given') : null,
      allowNetwork: false,
      workers: 1,
      timeoutMs: null,
      maxPixels: request.maxPixels,
    },
    assets,
    survival: { transforms: [...request.transforms], cells },
  };
}
