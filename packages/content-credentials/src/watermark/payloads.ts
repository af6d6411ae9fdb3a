import { UsageError } from '@rai-audit/core';

/** A dwtDct payload: the bit sequence an encoder embeds, most significant bit of each byte first. */
export interface WatermarkPayload {
  /** `StableDiffusionV1`, `SDV2`, `SDXL`, `FLUX`, or the name a user gave. */
  readonly name: string;
  /** 0/1 per bit, in embedding order. */
  readonly bits: Uint8Array;
  /** True for the fixed payloads of public generators; false for user-supplied ones. */
  readonly known: boolean;
}

/** Bits of a hex string, four per digit, most significant first (the layout of `np.unpackbits`). */
export function hexToBits(hex: string): Uint8Array {
  const bits = new Uint8Array(hex.length * 4);
  for (let i = 0; i < hex.length; i += 1) {
    const nibble = Number.parseInt(hex.charAt(i), 16);
    for (let b = 0; b < 4; b += 1) bits[i * 4 + b] = (nibble >> (3 - b)) & 1;
  }
  return bits;
}

/** Bits of a `0`/`1` string. */
export function binaryToBits(binary: string): Uint8Array {
  return Uint8Array.from(binary, (digit) => (digit === '1' ? 1 : 0));
}

/** Bytes packed from bits, most significant first, the last byte padded with zeros (as `np.packbits`). */
export function packBits(bits: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i += 1) {
    if (bits[i]) bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  return bytes;
}

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A `0`/`1` string of bits. */
export function bitsToBinary(bits: ArrayLike<number>): string {
  return Array.from({ length: bits.length }, (_, i) => (bits[i] ? '1' : '0')).join('');
}

/**
 * The fixed payloads of public generators (README, "The invisible watermark": known payloads). FLUX is 46 bits, not 48: its reference
 * code builds the bits with `bin()`, which drops the two leading zeros of the 48-bit constant.
 */
export const KNOWN_WATERMARK_PAYLOADS: readonly WatermarkPayload[] = [
  { name: 'StableDiffusionV1', bits: hexToBits('537461626c65446966667573696f6e5631'), known: true },
  { name: 'SDV2', bits: hexToBits('53445632'), known: true },
  { name: 'SDXL', bits: hexToBits('b3ec907bb19e'), known: true },
  { name: 'FLUX', bits: binaryToBits('1010101111111010000111100111001111010100101110'), known: true },
];

const HEX_PAYLOAD = /^(?:0x)?([0-9a-f]+)$/i;
const BINARY_PAYLOAD = /^0b([01]+)$/i;

/**
 * A user-supplied payload: `HEX` or `0xHEX` (four bits per digit, so `2d6f640f` is the 32-bit bytes payload
 * b'\x2d\x6f\x64\x0f') or `0bBITS` for lengths that are not a multiple of four.
 */
export function parseWatermarkPayload(text: string, location = 'payload'): WatermarkPayload {
  const trimmed = text.trim();
  const binary = BINARY_PAYLOAD.exec(trimmed);
  if (binary?.[1]) return { name: trimmed.toLowerCase(), bits: binaryToBits(binary[1]), known: false };
  const hex = HEX_PAYLOAD.exec(trimmed);
  if (hex?.[1]) return { name: hex[1].toLowerCase(), bits: hexToBits(hex[1].toLowerCase()), known: false };
  throw new UsageError(`watermark payload "${text}" is neither hex nor 0b-prefixed binary`, {
    location,
    hint: 'write the payload as hex digits (2d6f640f) or as bits with a 0b prefix (0b1011…)',
  });
}
