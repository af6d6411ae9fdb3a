import { UsageError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import {
  bitsToBinary,
  bytesToHex,
  hexToBits,
  KNOWN_WATERMARK_PAYLOADS,
  packBits,
  parseWatermarkPayload,
} from './payloads.js';

const known = (name: string) => KNOWN_WATERMARK_PAYLOADS.find((payload) => payload.name === name)!;

describe('watermark payloads', () => {
  it('unpacks and packs bits most significant first, as numpy does', () => {
    expect(bitsToBinary(hexToBits('a5'))).toBe('10100101');
    expect(bytesToHex(packBits(hexToBits('53445632')))).toBe('53445632');
    // np.packbits pads the last byte with zeros on the right.
    expect(bytesToHex(packBits([1, 1, 1]))).toBe('e0');
  });

  it('has the payloads of the spec, with FLUX at 46 bits', () => {
    expect(bytesToHex(packBits(known('StableDiffusionV1').bits))).toBe(
      Buffer.from('StableDiffusionV1').toString('hex'),
    );
    expect(known('SDV2').bits.length).toBe(32);
    expect(bitsToBinary(known('SDXL').bits)).toBe('101100111110110010010000011110111011000110011110');
    expect(bitsToBinary(known('FLUX').bits)).toBe('1010101111111010000111100111001111010100101110');
  });

  it('parses user payloads given as hex or 0b bits', () => {
    expect(bitsToBinary(parseWatermarkPayload('0x2D6F').bits)).toBe('0010110101101111');
    expect(parseWatermarkPayload(' 2d6f640f ').name).toBe('2d6f640f');
    expect(parseWatermarkPayload('0b101').bits.length).toBe(3);
    expect(parseWatermarkPayload('0b101').known).toBe(false);
  });

  it('names the payload and its place when it cannot be parsed', () => {
    const attempt = () => parseWatermarkPayload('SDV2!', 'payloads[1]');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/"SDV2!" is neither hex nor 0b-prefixed binary/);
    try {
      attempt();
    } catch (error) {
      expect((error as UsageError).location).toBe('payloads[1]');
    }
  });
});
