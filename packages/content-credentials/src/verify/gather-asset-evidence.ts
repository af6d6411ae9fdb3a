import { createHash } from 'node:crypto';
import type { AssetResult, AssetWatermark } from '@rai-audit/core';
import sharp from 'sharp';
import type { ContentCredentialsEvidence } from '../c2pa/evidence.js';
import { detectMediaType } from '../c2pa/media-type.js';
import { readContentCredentials } from '../c2pa/read-content-credentials.js';
import { readAiGenerationDeclaration } from '../declaration/read-ai-declaration.js';
import { readAssetTerms } from '../terms/read-terms.js';
import { readImagePixels } from '../pixels.js';
import type { PixelBuffer } from '../watermark/block-votes.js';
import { detectDwtDct } from '../watermark/dwtdct.js';
import { makeThumbnail } from './asset-thumbnail.js';
import type { AssetProblem } from './collect-assets.js';
import { summarizeC2pa, summarizeDeclaration, summarizeWatermark } from './evidence-summaries.js';
import { describeMislabel } from './media-extension.js';
import { readAssetFile } from './read-asset-file.js';

/** One asset to verify: where it is, and the dwtDct payloads to score on it (the user's and its rules'). */
export interface AssetTask {
  readonly path: string;
  /** A string, or raw bytes when the file name is not valid UTF-8. */
  readonly absolutePath: string | Uint8Array;
  readonly payloads: readonly string[];
}

/** Settings shared by every asset of a run; plain data, so they can be handed to worker threads. */
export interface EvidenceSettings {
  readonly trustAnchorsPem?: string;
  /** Validation time, ISO 8601. */
  readonly at?: string;
  readonly allowNetwork: boolean;
  readonly maxPixels: number;
  /** Edge of the preview in pixels; 0 for none. */
  readonly thumbnailSize: number;
}

/** How the bytes are read: the file system by default; tests inject failures that root cannot produce. */
export type AssetReader = (absolutePath: string | Uint8Array) => Promise<Uint8Array>;

// Raster formats sharp's prebuilt libvips decodes. HEIC needs an HEVC decoder that it does not ship.
const DECODABLE_IMAGES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/tiff',
  'image/gif',
]);

/** A result for an asset that could not be verified at all. */
export function errorAssetResult(path: string, size: number, problem: AssetProblem): AssetResult {
  return { path, size, mediaType: null, status: 'error', error: { ...problem }, rules: [] };
}

function skippedReason(mediaType: string): string {
  if (mediaType === 'image/heic' || mediaType === 'image/heif')
    return 'HEIF/HEIC pixels cannot be decoded here (no HEVC decoder in libvips)';
  if (mediaType === 'image/svg+xml') return 'a vector image carries no pixel watermark';
  return 'not a raster image: dwtDct marks images only';
}

interface Pixels {
  readonly pixels?: PixelBuffer;
  readonly orientation?: number;
  readonly problem?: AssetProblem;
}

async function decodePixels(bytes: Uint8Array, path: string, maxPixels: number): Promise<Pixels> {
  let header: sharp.Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return { problem: { reason: 'corrupt', message: `not a decodable image: ${(error as Error).message}` } };
  }
  const { width = 0, height = 0 } = header;
  if (width * height > maxPixels) {
    const pixels = (width * height).toLocaleString('en-US');
    const limit = maxPixels.toLocaleString('en-US');
    const message = `image is ${width}×${height} (${pixels} pixels), above the limit of ${limit} pixels (--max-pixels)`;
    return { problem: { reason: 'too-large', message } };
  }
  try {
    return {
      pixels: await readImagePixels(bytes, { maxPixels, name: path }),
      orientation: header.orientation,
    };
  } catch (error) {
    return { problem: { reason: 'corrupt', message: (error as Error).message } };
  }
}

function c2paProblem(evidence: ContentCredentialsEvidence): AssetProblem | undefined {
  if (evidence.outcome !== 'error') return undefined;
  if (
    evidence.errorKind === 'corrupt' ||
    evidence.errorKind === 'unreadable' ||
    evidence.errorKind === 'empty'
  )
    return { reason: 'corrupt', message: `C2PA: ${evidence.reason}` };
  return undefined;
}

async function readBytes(task: AssetTask, reader: AssetReader): Promise<Uint8Array | AssetProblem> {
  try {
    const bytes = await reader(task.absolutePath);
    if (bytes.length === 0) return { reason: 'empty', message: 'the file is empty (0 bytes)' };
    return bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === 'ENOTREG') return { reason: 'not-a-file', message: 'not a regular file when opened' };
    return { reason: 'unreadable', message: `cannot read the file (${code})` };
  }
}

async function watermarkEvidence(
  bytes: Uint8Array,
  mediaType: string,
  task: AssetTask,
  settings: EvidenceSettings,
): Promise<{ watermark: AssetWatermark; problem?: AssetProblem; thumbnail?: string }> {
  if (!DECODABLE_IMAGES.has(mediaType))
    return { watermark: { status: 'skipped', reason: skippedReason(mediaType) } };
  const decoded = await decodePixels(bytes, task.path, settings.maxPixels);
  if (!decoded.pixels) {
    const problem = decoded.problem!;
    return { watermark: { status: 'skipped', reason: problem.message }, problem };
  }
  const watermark = summarizeWatermark(detectDwtDct(decoded.pixels, { payloads: task.payloads }));
  const thumbnail =
    settings.thumbnailSize > 0
      ? await makeThumbnail(decoded.pixels, decoded.orientation, settings.thumbnailSize).catch(
          () => undefined,
        )
      : undefined;
  return { watermark, thumbnail };
}

/**
 * Everything one asset carries: media type by content, C2PA manifest and validation, AI-generation declaration,
 * dwtDct watermark and a thumbnail for images. Never throws for the asset's sake: a file that cannot be read,
 * is empty, of an unknown type, mislabelled, corrupt or above the pixel limit gives a result with status error
 * (keeping whatever evidence could be gathered). `rules` is left empty for the caller to fill.
 */
export async function gatherAssetEvidence(
  task: AssetTask,
  settings: EvidenceSettings,
  reader: AssetReader = readAssetFile,
): Promise<AssetResult> {
  const bytes = await readBytes(task, reader);
  if (!(bytes instanceof Uint8Array)) return errorAssetResult(task.path, 0, bytes);
  const mediaType = detectMediaType(bytes);
  if (mediaType === undefined) {
    // Nothing derived from the content of a file that is not media goes into a report: not its first bytes,
    // not its hash (the verified folder may hold a token file, or a link to one).
    const message = 'not a media type the C2PA reader knows (detected by content)';
    return errorAssetResult(task.path, bytes.length, { reason: 'unsupported-type', message });
  }
  const identity = {
    path: task.path,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const at = settings.at === undefined ? undefined : new Date(settings.at);
  const options = { trustAnchorsPem: settings.trustAnchorsPem, allowNetwork: settings.allowNetwork, at };
  const c2pa = await readContentCredentials(bytes, { mimeType: mediaType, ...options });
  const declaration = await readAiGenerationDeclaration(bytes, { mimeType: mediaType, c2pa });
  const image = await watermarkEvidence(bytes, mediaType, task, settings);
  const terms = await readAssetTerms(bytes, mediaType);
  const mislabel = describeMislabel(task.path, mediaType);
  const problem: AssetProblem | undefined =
    (mislabel === undefined ? undefined : { reason: 'mislabelled', message: mislabel }) ??
    c2paProblem(c2pa) ??
    image.problem;
  return {
    ...identity,
    mediaType,
    status: problem ? 'error' : 'verified',
    ...(problem ? { error: { ...problem } } : {}),
    ...(image.thumbnail ? { thumbnail: image.thumbnail } : {}),
    c2pa: summarizeC2pa(c2pa),
    declaration: summarizeDeclaration(declaration),
    watermark: image.watermark,
    ...(terms.c2pa || terms.xmp ? { terms } : {}),
    rules: [],
  };
}
