/**
 * One level of the 2-D Haar transform as `pywt.dwt2(x, 'haar')` computes it (README, "The invisible watermark": step 2 and "Rounding").
 * For a 2×2 block a b / c d: LL = (a+b+c+d)/2, cH = (a+b−c−d)/2, cV = (a−b+c−d)/2, cD = (a−b−c+d)/2.
 */

/** How LL is rounded: exactly `(a+b+c+d)·0.5`, or in pywt's operation order without FMA (spec section 4). */
export type HaarRounding = 'exact' | 'pywt-order';

const PYWT_FILTER_TAP = 0.7071067811865476;

/** LL of one 2×2 block; exact for the integer U of the uint8 path, whatever the order of summation. */
export function haarLowLowExact(a: number, b: number, c: number, d: number): number {
  return (a + b + c + d) * 0.5;
}

/**
 * LL of one 2×2 block in pywt's order: first along rows (`h·x[2i+1] + h·x[2i]`), then along columns, with the
 * rounding of each product. It reproduces pywt's float64 results on machines where the C code is not fused into FMA.
 */
export function haarLowLowPywtOrder(a: number, b: number, c: number, d: number): number {
  const left = PYWT_FILTER_TAP * c + PYWT_FILTER_TAP * a;
  const right = PYWT_FILTER_TAP * d + PYWT_FILTER_TAP * b;
  return PYWT_FILTER_TAP * right + PYWT_FILTER_TAP * left;
}

/** The four sub-bands of a plane, each (height/2)×(width/2), row-major. */
export interface HaarBands {
  readonly width: number;
  readonly height: number;
  readonly lowLow: Float64Array;
  readonly horizontal: Float64Array;
  readonly vertical: Float64Array;
  readonly diagonal: Float64Array;
}

/** Forward Haar transform of an even-sized row-major plane. */
export function haarForward2d(plane: ArrayLike<number>, width: number, height: number): HaarBands {
  if (width % 2 !== 0 || height % 2 !== 0)
    throw new RangeError(`Haar plane must have even sides, got ${width}×${height}`);
  const bandWidth = width / 2;
  const bandHeight = height / 2;
  const size = bandWidth * bandHeight;
  const bands = {
    width: bandWidth,
    height: bandHeight,
    lowLow: new Float64Array(size),
    horizontal: new Float64Array(size),
    vertical: new Float64Array(size),
    diagonal: new Float64Array(size),
  };
  for (let i = 0; i < bandHeight; i += 1) {
    for (let j = 0; j < bandWidth; j += 1) {
      const top = 2 * i * width + 2 * j;
      const a = plane[top]!;
      const b = plane[top + 1]!;
      const c = plane[top + width]!;
      const d = plane[top + width + 1]!;
      const k = i * bandWidth + j;
      bands.lowLow[k] = haarLowLowExact(a, b, c, d);
      bands.horizontal[k] = (a + b - c - d) * 0.5;
      bands.vertical[k] = (a - b + c - d) * 0.5;
      bands.diagonal[k] = (a - b - c + d) * 0.5;
    }
  }
  return bands;
}

/** Inverse Haar transform: the plane whose forward transform is `bands`. */
export function haarInverse2d(bands: HaarBands): Float64Array {
  const width = bands.width * 2;
  const plane = new Float64Array(width * bands.height * 2);
  for (let i = 0; i < bands.height; i += 1) {
    for (let j = 0; j < bands.width; j += 1) {
      const k = i * bands.width + j;
      const ll = bands.lowLow[k]!;
      const h = bands.horizontal[k]!;
      const v = bands.vertical[k]!;
      const d = bands.diagonal[k]!;
      const top = 2 * i * width + 2 * j;
      plane[top] = (ll + h + v + d) * 0.5;
      plane[top + 1] = (ll + h - v - d) * 0.5;
      plane[top + width] = (ll - h + v - d) * 0.5;
      plane[top + width + 1] = (ll - h - v + d) * 0.5;
    }
  }
  return plane;
}
