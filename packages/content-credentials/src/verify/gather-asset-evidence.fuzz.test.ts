import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaCase } from '../../test/media-chunks.js';
import { gatherAssetEvidence, type EvidenceSettings } from './gather-asset-evidence.js';

// PNG, JPEG and WebP files built from chunk sequences with hostile bits (lying lengths, bad CRCs, huge declared
// dimensions, broken and compressed XMP, a zlib bomb, random C2PA boxes, truncation) go through the whole evidence
// reader: each ends as a result (verified or error with a message), never as an exception.

const settings: EvidenceSettings = { allowNetwork: false, maxPixels: 4_000_000, thumbnailSize: 0 };
const seed = Number(process.env.RAI_FUZZ_SEED ?? 20251128);
const scale = Number(process.env.RAI_FUZZ_SCALE ?? 1);
const params = {
  seed,
  numRuns: Math.max(1, Math.round(60 * scale)),
  interruptAfterTimeLimit: 15_000 * scale,
  markInterruptAsFailure: false,
  endOnFailure: true,
};

describe('fuzz: the asset evidence reader gives a result per asset', () => {
  it.each(Object.keys(mediaCase) as Array<keyof typeof mediaCase>)('%s chunk sequences', async (format) => {
    const statuses = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mediaCase[format], async ({ name, bytes }) => {
        const result = await gatherAssetEvidence(
          { path: name, absolutePath: `/fuzz/${name}`, payloads: [] },
          settings,
          () => Promise.resolve(bytes),
        );
        expect(result.path).toBe(name);
        expect(['verified', 'error']).toContain(result.status);
        if (result.status === 'error') expect(result.error?.message.length).toBeGreaterThan(0);
        statuses.add(result.status);
      }),
      params,
    );
    expect(statuses.has('error')).toBe(true);
  });
});
