import { describe, expect, it } from 'vitest';
import { c2paBadgeKey, describeWatermark, digitalSourceTypeTerm, formatPValue } from './asset-labels.js';

describe('asset labels', () => {
  it.each([
    [
      {
        status: 'found' as const,
        payload: 'StableDiffusionV1',
        bitsMatched: 136,
        bits: 136,
        pValue: 1.15e-41,
      },
      'found: StableDiffusionV1 (136/136 bits, p=1.2e-41)',
    ],
    [{ status: 'found' as const, payload: 'SDXL', pValue: 0.0123 }, 'found: SDXL (p=0.0123)'],
    [{ status: 'found' as const }, 'found: unnamed payload'],
    [{ status: 'not found' as const }, 'not found'],
    [{ status: 'skipped' as const, reason: 'not an image' }, 'skipped: not an image'],
    [{ status: 'skipped' as const }, 'skipped: no reason given'],
  ])('describes the watermark %j as %s', (watermark, text) => {
    expect(describeWatermark(watermark)).toBe(text);
  });

  it('formats p-values in scientific notation below 0.001', () => {
    expect([formatPValue(0), formatPValue(0.5), formatPValue(0.00042), formatPValue(Number.NaN)]).toEqual([
      '0',
      '0.5',
      '4.2e-4',
      'undefined',
    ]);
  });

  it('shortens IPTC digital source types to their term and leaves anything else as given', () => {
    expect(
      digitalSourceTypeTerm('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia'),
    ).toBe('trainedAlgorithmicMedia');
    expect(digitalSourceTypeTerm('https://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture ')).toBe(
      'digitalCapture',
    );
    expect(digitalSourceTypeTerm('http://example.com/digitalsourcetype/x')).toBe(
      'http://example.com/digitalsourcetype/x',
    );
  });

  it('badges a manifest by its state, and treats one without a state as Invalid', () => {
    const base = { codes: [], actions: [], ingredients: 0 };
    expect(c2paBadgeKey({ ...base, outcome: 'manifest', state: 'Trusted' })).toBe('Trusted');
    expect(c2paBadgeKey({ ...base, outcome: 'manifest' })).toBe('Invalid');
    expect(c2paBadgeKey({ ...base, outcome: 'remote-manifest' })).toBe('remote-manifest');
    expect(c2paBadgeKey(undefined)).toBe('error');
  });
});
