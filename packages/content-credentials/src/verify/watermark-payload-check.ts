import { UsageError } from '@rai-audit/core';
import { detectDwtDct } from '../watermark/dwtdct.js';
import { normalizeHexPayload } from './asset-rules.js';

/** Where payloads came from (`--watermark-payload`, a policy rule) and the payloads themselves. */
export interface PayloadSource {
  readonly where: string;
  readonly payloads: readonly string[];
}

// Below the detector's minimum size: it validates the payloads, then stops before decoding anything.
const ONE_PIXEL = { data: new Uint8Array(3), width: 1, height: 1, channels: 3 } as const;

/** Every distinct payload of all sources, normalised (lower-case, no `0x`), in first-seen order. */
export function uniquePayloads(sources: readonly PayloadSource[]): string[] {
  return [...new Set(sources.flatMap((source) => source.payloads.map(normalizeHexPayload)))];
}

/**
 * Fails early, with a UsageError naming the option or policy rule, for a payload that does not parse or could never
 * be detected at the false-positive rate once every payload is scored: otherwise each asset would fail alike.
 */
export function checkWatermarkPayloads(sources: readonly PayloadSource[]): void {
  const all = uniquePayloads(sources);
  try {
    detectDwtDct(ONE_PIXEL, { payloads: all });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const index = Number(/payloads\[(\d+)\]/.exec(error.location ?? '')?.[1] ?? -1);
    const payload = all[index];
    const source = sources.find((candidate) =>
      candidate.payloads.some((p) => normalizeHexPayload(p) === payload),
    );
    throw new UsageError(error.message, {
      location: source?.where ?? error.location,
      hint: error.hint,
      cause: error,
    });
  }
}
