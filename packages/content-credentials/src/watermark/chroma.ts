/**
 * The U (blue-difference) channel that dwtDct marks, computed as OpenCV's `COLOR_BGR2YUV` does
 * (README, "The invisible watermark": step 1 and the variants table). Only U is needed: the default scales `[0,36,36]` skip Y and the
 * encoder's loop stops before V.
 */

/** Which array the encoder received: a true BGR array (SD 1/2, sgm, FLUX) or an RGB array passed as BGR (diffusers SDXL). */
export type ChannelOrder = 'bgr' | 'rgb';

/** uint8: OpenCV's 8-bit fixed-point path (offset 128, rounded, clamped); float: its float path (offset 0.5, unrounded). */
export type ChromaMode = 'uint8' | 'float';

/** One way of reading the mark: a channel order and a chroma mode. */
export interface DecodeVariant {
  readonly order: ChannelOrder;
  readonly chroma: ChromaMode;
}

/** The four variants the detector tries, the upstream decoder's own (bgr, uint8) first. */
export const DECODE_VARIANTS: readonly DecodeVariant[] = [
  { order: 'bgr', chroma: 'uint8' },
  { order: 'rgb', chroma: 'uint8' },
  { order: 'bgr', chroma: 'float' },
  { order: 'rgb', chroma: 'float' },
];

const SHIFT = 14;
const HALF = 1 << (SHIFT - 1);
const U_OFFSET = 128 << SHIFT;

/** U of one pixel by OpenCV's 8-bit path: `Y = D(1868B + 9617G + 4899R)`, `U = clamp(D((B−Y)·8061 + 128·2^14))`. */
export function chromaUInt8(blue: number, green: number, red: number): number {
  const luma = (1868 * blue + 9617 * green + 4899 * red + HALF) >> SHIFT;
  const u = ((blue - luma) * 8061 + U_OFFSET + HALF) >> SHIFT;
  return u < 0 ? 0 : u > 255 ? 255 : u;
}

/** U of one pixel by OpenCV's float path on values in 0–255: `U = 0.492·(B − Y) + 0.5`. */
export function chromaUFloat(blue: number, green: number, red: number): number {
  return 0.492 * (blue - (0.299 * red + 0.587 * green + 0.114 * blue)) + 0.5;
}

/**
 * Fills `out[0..count)` with U of `count` consecutive pixels starting at byte `start` of an RGB(A) buffer.
 * `order` says which stored channel plays OpenCV's blue: the stored B for 'bgr', the stored R for 'rgb'.
 */
export function fillChromaRow(
  data: ArrayLike<number>,
  start: number,
  count: number,
  channels: number,
  variant: DecodeVariant,
  out: Float64Array,
): void {
  const blueOffset = variant.order === 'bgr' ? 2 : 0;
  const redOffset = 2 - blueOffset;
  // Two loops rather than a per-pixel branch: this is the hot path of detection.
  if (variant.chroma === 'uint8') {
    for (let x = 0, i = start; x < count; x += 1, i += channels) {
      out[x] = chromaUInt8(data[i + blueOffset]!, data[i + 1]!, data[i + redOffset]!);
    }
  } else {
    for (let x = 0, i = start; x < count; x += 1, i += channels) {
      out[x] = chromaUFloat(data[i + blueOffset]!, data[i + 1]!, data[i + redOffset]!);
    }
  }
}
