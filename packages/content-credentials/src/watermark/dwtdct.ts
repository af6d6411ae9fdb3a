import { UsageError } from '@rai-audit/core';
import { computeBlockVotes, countBlocks, type PixelBuffer } from './block-votes.js';
import { decodeBitsFromVotes, type DecodedBits } from './bit-decoding.js';
import { DECODE_VARIANTS, type DecodeVariant } from './chroma.js';
import type { HaarRounding } from './haar.js';
import {
  bytesToHex,
  KNOWN_WATERMARK_PAYLOADS,
  packBits,
  parseWatermarkPayload,
  type WatermarkPayload,
} from './payloads.js';
import { bestPossiblePValue, scoreBitAgreement } from './significance.js';

/** Upstream encoders refuse images with fewer pixels ("image too small"), so such images cannot carry the mark. */
export const DWTDCT_MIN_PIXELS = 65_536;
/**
 * Most bit errors a "found" payload may have, as a fraction of its length. floor(9% of n) gives the spec's
 * thresholds (12/136, 4/48, 4/46, 2/32); it guards against structured decodes (spatially correlated content, a
 * mark with another payload) that the p-value's exchangeability model does not capture.
 */
export const MAX_BIT_ERROR_PERCENT = 9;
/** Default chance, per image, that an unmarked image is reported as marked (all payloads and variants together). */
export const DEFAULT_WATERMARK_FALSE_POSITIVE_RATE = 1e-6;

export interface DwtDctOptions {
  /** User payloads (hex, `0b` bits, or parsed), scored after the known ones. */
  readonly payloads?: readonly (string | WatermarkPayload)[];
  /** Per-image false-positive rate; split evenly over every payload × variant test (Bonferroni). */
  readonly falsePositiveRate?: number;
  /** Variants to try; all four by default. */
  readonly variants?: readonly DecodeVariant[];
  /** LL rounding; 'exact' by default (spec section 4). */
  readonly rounding?: HaarRounding;
}

/** How one variant's decoded bits compare with one payload. */
export interface VariantScore {
  readonly variant: DecodeVariant;
  readonly decodedHex: string;
  readonly matchingBits: number;
  readonly pValue: number;
  /** p-value ≤ the threshold and bit errors ≤ maxBitErrors. */
  readonly found: boolean;
}

/** The evidence for one payload: its best variant in full, and every variant's agreement. */
export interface PayloadScore {
  readonly name: string;
  readonly known: boolean;
  readonly bitLength: number;
  /** The payload packed MSB first, zero-padded to whole bytes. */
  readonly payloadHex: string;
  /** Most bit errors allowed: floor(MAX_BIT_ERROR_PERCENT% of bitLength). */
  readonly maxBitErrors: number;
  readonly found: boolean;
  /** The found variant with the smallest p-value, or the smallest p-value overall (the first listed on ties). */
  readonly variant: DecodeVariant;
  readonly matchingBits: number;
  readonly pValue: number;
  readonly decodedHex: string;
  readonly decodedBits: string;
  /** Per-bit mean block vote of the best variant; NaN (null in JSON) for a bit no block carried. */
  readonly bitScores: readonly number[];
  readonly variants: readonly VariantScore[];
}

/** The verdict on one image. "not found" never means "absent": the mark is fragile. */
export interface WatermarkDetection {
  readonly scheme: 'invisible-watermark dwtDct';
  readonly status: 'found' | 'not found';
  /** Name of the found payload with the smallest p-value. */
  readonly payload?: string;
  readonly width: number;
  readonly height: number;
  readonly blocks: number;
  readonly falsePositiveRate: number;
  /** Number of payload × variant tests; each is found when its p-value ≤ falsePositiveRate / tests. */
  readonly tests: number;
  readonly pValueThreshold: number;
  /** Why nothing was scored, when nothing was. */
  readonly note?: string;
  readonly payloads: readonly PayloadScore[];
}

/** Reads the dwtDct bits of one payload length with one variant, as upstream's decoder does for (bgr, uint8). */
export function decodeDwtDct(
  pixels: PixelBuffer,
  bitLength: number,
  variant: DecodeVariant = { order: 'bgr', chroma: 'uint8' },
  rounding: HaarRounding = 'exact',
): DecodedBits {
  return decodeBitsFromVotes(computeBlockVotes(pixels, variant, rounding), bitLength);
}

function toPayloads(options: DwtDctOptions): WatermarkPayload[] {
  const user = (options.payloads ?? []).map((payload, index) =>
    typeof payload === 'string' ? parseWatermarkPayload(payload, `payloads[${index}]`) : payload,
  );
  return [...KNOWN_WATERMARK_PAYLOADS, ...user];
}

function checkDetectable(payloads: readonly WatermarkPayload[], threshold: number): void {
  payloads.forEach((payload, index) => {
    const best = bestPossiblePValue(payload.bits);
    if (payload.known || best <= threshold) return;
    throw new UsageError(
      `watermark payload "${payload.name}" (${payload.bits.length} bits) can never be detected: ` +
        `even a perfect match has p = ${best.toPrecision(2)}, above the threshold ${threshold.toPrecision(2)}`,
      {
        location: `payloads[${index - KNOWN_WATERMARK_PAYLOADS.length}]`,
        hint: 'use a longer payload (32 bits or more) that mixes 0s and 1s',
      },
    );
  });
}

function scorePayload(
  payload: WatermarkPayload,
  votesByVariant: readonly Uint8Array[],
  variants: readonly DecodeVariant[],
  threshold: number,
): PayloadScore {
  const decoded = votesByVariant.map((votes) => decodeBitsFromVotes(votes, payload.bits.length));
  const maxBitErrors = Math.floor((MAX_BIT_ERROR_PERCENT * payload.bits.length) / 100);
  const scores: VariantScore[] = decoded.map((bits, i) => {
    // A bit with no vote at all cannot count as evidence.
    const agreement =
      bits.minVotesPerBit > 0 ? scoreBitAgreement(payload.bits, bits.bits) : { matchingBits: 0, pValue: 1 };
    const errors = payload.bits.length - agreement.matchingBits;
    const found = agreement.pValue <= threshold && errors <= maxBitErrors;
    return { variant: variants[i]!, decodedHex: bits.hex, ...agreement, found };
  });
  const anyFound = scores.some((score) => score.found);
  let best = scores.findIndex((score) => score.found || !anyFound);
  scores.forEach((score, i) => {
    if ((score.found || !anyFound) && score.pValue < scores[best]!.pValue) best = i;
  });
  const bestScore = scores[best]!;
  const bestBits = decoded[best]!;
  return {
    name: payload.name,
    known: payload.known,
    bitLength: payload.bits.length,
    payloadHex: bytesToHex(packBits(payload.bits)),
    maxBitErrors,
    found: bestScore.found,
    variant: bestScore.variant,
    matchingBits: bestScore.matchingBits,
    pValue: bestScore.pValue,
    decodedHex: bestBits.hex,
    decodedBits: bestBits.binary,
    bitScores: Array.from(bestBits.scores),
    variants: scores,
  };
}

function checkPixelBuffer(pixels: PixelBuffer): void {
  const { width, height, channels, data } = pixels;
  const valid =
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    width > 0 &&
    height > 0 &&
    (channels === 3 || channels === 4);
  if (!valid || data.length < width * height * channels) {
    throw new RangeError(
      `pixel buffer must be ${width}×${height}×(3 or 4) bytes, got ${channels} channels, ${data.length} bytes`,
    );
  }
}

function falsePositiveRateOf(options: DwtDctOptions): number {
  const rate = options.falsePositiveRate ?? DEFAULT_WATERMARK_FALSE_POSITIVE_RATE;
  if (rate > 0 && rate < 1) return rate;
  throw new UsageError(`false-positive rate must be between 0 and 1, got ${rate}`, {
    location: 'falsePositiveRate',
    hint: 'use a small probability such as 1e-6',
  });
}

/** Scores every known and user payload on every variant and decides "found" at the requested false-positive rate. */
export function detectDwtDct(pixels: PixelBuffer, options: DwtDctOptions = {}): WatermarkDetection {
  checkPixelBuffer(pixels);
  const payloads = toPayloads(options);
  const variants = options.variants ?? DECODE_VARIANTS;
  if (variants.length === 0) {
    throw new UsageError('no decode variant to try', {
      location: 'variants',
      hint: 'omit variants to try all four',
    });
  }
  const falsePositiveRate = falsePositiveRateOf(options);
  const tests = payloads.length * variants.length;
  const pValueThreshold = falsePositiveRate / tests;
  checkDetectable(payloads, pValueThreshold);
  const { rows, columns } = countBlocks(pixels.width, pixels.height);
  const common = {
    scheme: 'invisible-watermark dwtDct',
    width: pixels.width,
    height: pixels.height,
    blocks: rows * columns,
    falsePositiveRate,
    tests,
    pValueThreshold,
  } as const;
  if (pixels.width * pixels.height < DWTDCT_MIN_PIXELS) {
    const note = `image has ${pixels.width * pixels.height} pixels, fewer than the ${DWTDCT_MIN_PIXELS} dwtDct encoders accept`;
    return { ...common, status: 'not found', note, payloads: [] };
  }
  const votesByVariant = variants.map((variant) => computeBlockVotes(pixels, variant, options.rounding));
  const scored = payloads.map((payload) => scorePayload(payload, votesByVariant, variants, pValueThreshold));
  const found = scored.filter((score) => score.found).sort((a, b) => a.pValue - b.pValue)[0];
  return found
    ? { ...common, status: 'found', payload: found.name, payloads: scored }
    : { ...common, status: 'not found', payloads: scored };
}
