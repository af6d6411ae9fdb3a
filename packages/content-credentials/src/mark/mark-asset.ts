import { InputError } from '@rai-audit/core';
import sharp from 'sharp';
import { detectMediaType } from '../c2pa/media-type.js';
import { readContentCredentials } from '../c2pa/read-content-credentials.js';
import type { SigningCredentials } from '../keys/cose-signer.js';
import { embedDwtDct } from '../watermark/embed-dwtdct.js';
import type { WatermarkPayload } from '../watermark/payloads.js';
import { embedXmp, XMP_WRITABLE } from './embed-xmp.js';
import { creativeWorkAssertion, trainingMiningAssertion, type OwnershipTerms } from './ownership-terms.js';
import { signC2pa, type C2paAssertion } from './sign-c2pa.js';
import { buildXmpPacket } from './xmp-writer.js';

export interface MarkOptions {
  /** Full IPTC digital source type URI, or undefined to declare none. */
  readonly digitalSourceType?: string;
  readonly claimGenerator: { readonly name: string; readonly version: string };
  readonly terms: OwnershipTerms;
  readonly watermark?: WatermarkPayload;
  readonly credentials: SigningCredentials;
}

export interface MarkedAsset {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  /** True when the input carried a manifest, which became the parent ingredient. */
  readonly hadManifest: boolean;
}

async function reencodeWithPixels(
  bytes: Uint8Array,
  mediaType: string,
  payload: WatermarkPayload,
): Promise<Uint8Array> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const marked = embedDwtDct(
    { data, width: info.width, height: info.height, channels: info.channels },
    payload,
  );
  const image = sharp(marked.data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  });
  // Encodings that keep the mark: lossless where the format has it, else JPEG q95 without chroma subsampling.
  if (mediaType === 'image/jpeg') return image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
  if (mediaType === 'image/webp') return image.webp({ lossless: true }).toBuffer();
  if (mediaType === 'image/tiff') return image.tiff({ compression: 'deflate' }).toBuffer();
  return image.png().toBuffer();
}

function actions(options: MarkOptions, hadManifest: boolean): C2paAssertion {
  const declared = options.digitalSourceType ? { digitalSourceType: options.digitalSourceType } : {};
  const list = hadManifest
    ? [
        { action: 'c2pa.opened', parameters: { ingredientIds: ['parent'] } },
        { action: 'c2pa.edited', description: 'labels and watermark added by rai-audit', ...declared },
      ]
    : [{ action: 'c2pa.created', ...declared }];
  return { label: 'c2pa.actions', data: { actions: list } };
}

/**
 * Marks one asset in the order that keeps every mark valid: the dwtDct watermark (pixels), then the XMP (the AI
 * label and the terms), then the C2PA manifest, whose hash binding covers both. An input that already carries a
 * manifest becomes the parent ingredient (`c2pa.opened`). Throws InputError for a format it cannot mark and the
 * library's errors as they come (the caller names the file).
 */
export async function markAsset(bytes: Uint8Array, name: string, options: MarkOptions): Promise<MarkedAsset> {
  const mediaType = detectMediaType(bytes);
  if (!mediaType || !XMP_WRITABLE.has(mediaType))
    throw new InputError(
      `cannot mark ${mediaType ?? 'this kind of file'}: rai-audit marks JPEG, PNG, WebP and TIFF images`,
      {
        file: name,
        hint: 'convert the asset to one of these formats, or leave it out',
      },
    );
  const existing = await readContentCredentials(bytes, { mimeType: mediaType });
  const hadManifest = existing.outcome === 'manifest';
  let working = options.watermark ? await reencodeWithPixels(bytes, mediaType, options.watermark) : bytes;
  working = await embedXmp(working, mediaType, buildXmpPacket(options.digitalSourceType, options.terms));
  const assertions = [
    actions(options, hadManifest),
    creativeWorkAssertion(options.terms),
    options.terms.trainingMining ? trainingMiningAssertion(options.terms.trainingMining) : undefined,
  ].filter((a): a is C2paAssertion => a !== undefined);
  const signed = await signC2pa({
    bytes: working,
    mediaType,
    title: options.terms.title ?? name.split(/[\\/]/).pop()!,
    claimGenerator: options.claimGenerator,
    assertions,
    credentials: options.credentials,
    ...(hadManifest ? { parent: { bytes, title: name.split(/[\\/]/).pop()! } } : {}),
  });
  return { bytes: signed, mediaType, hadManifest };
}
