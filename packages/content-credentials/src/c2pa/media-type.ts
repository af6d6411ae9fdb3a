/**
 * Media types the C2PA reader understands, named as `@contentauth/c2pa-wasm` expects them.
 * Detection looks at the bytes only: a file's extension says what someone called it, not what it is.
 */
export const C2PA_MEDIA_TYPES = [
  'application/pdf',
  'audio/flac',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'image/avif',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/jpeg',
  'image/png',
  'image/svg+xml',
  'image/tiff',
  'image/webp',
  'video/mp4',
  'video/quicktime',
] as const;
export type C2paMediaType = (typeof C2PA_MEDIA_TYPES)[number];

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, index) => bytes[offset + index] === value);
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);
// Top-level atoms that open old QuickTime files written before `ftyp` existed.
const QUICKTIME_LEAD_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** The brands of an ISO-BMFF `ftyp` box: the major brand first, then the compatible ones. */
function readFtypBrands(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, Math.max(16, boxSize));
  const brands = [ascii(bytes, 8, 4)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, 4));
  return brands;
}

function detectIsoBmff(bytes: Uint8Array): C2paMediaType | undefined {
  const brands = readFtypBrands(bytes);
  if (!brands) {
    return bytes.length >= 8 && QUICKTIME_LEAD_ATOMS.has(ascii(bytes, 4, 4)) ? 'video/quicktime' : undefined;
  }
  const major = brands[0]!;
  // The major brand decides; compatible brands only settle the generic HEIF brands (`mif1`).
  if (AVIF_BRANDS.has(major)) return 'image/avif';
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (M4A_BRANDS.has(major)) return 'audio/mp4';
  if (major === 'qt  ') return 'video/quicktime';
  if (HEIF_BRANDS.has(major)) {
    if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'image/avif';
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic';
    return 'image/heif';
  }
  return 'video/mp4';
}

function detectRiff(bytes: Uint8Array): C2paMediaType | undefined {
  if (bytes.length < 12) return undefined;
  const container = ascii(bytes, 0, 4);
  if (container !== 'RIFF' && container !== 'RF64') return undefined;
  const form = ascii(bytes, 8, 4);
  if (form === 'WEBP') return 'image/webp';
  if (form === 'WAVE') return 'audio/wav';
  return undefined;
}

/** MPEG audio layer III: an ID3v2 tag, or a frame header (11 sync bits, layer bits 01). */
function isMp3(bytes: Uint8Array): boolean {
  if (ascii(bytes, 0, 3) === 'ID3') return true;
  if (bytes.length < 4 || bytes[0] !== 0xff) return false;
  const second = bytes[1]!;
  const versionBits = (second >> 3) & 0b11;
  const bitrateIndex = bytes[2]! >> 4;
  return (second & 0xe0) === 0xe0 && versionBits !== 0b01 && (second & 0x06) === 0x02 && bitrateIndex !== 0xf;
}

function isPdf(bytes: Uint8Array): boolean {
  // PDF readers accept the header anywhere in the first 1024 bytes.
  return ascii(bytes, 0, 1024).includes('%PDF-');
}

/** SVG: text whose first element (after the XML declaration, comments and DOCTYPE) is `svg`. */
function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  const withoutPrologue = head
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?[^>]*>/i, '')
    .trimStart();
  const match = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(withoutPrologue);
  return match?.[2] === 'svg';
}

/** The media type of an asset from its first bytes, or undefined when it is none the C2PA reader supports. */
export function detectMediaType(bytes: Uint8Array): C2paMediaType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'image/tiff';
  }
  if (ascii(bytes, 0, 4) === 'fLaC') return 'audio/flac';
  return (
    detectRiff(bytes) ??
    detectIsoBmff(bytes) ??
    (isPdf(bytes) ? 'application/pdf' : undefined) ??
    (isMp3(bytes) ? 'audio/mpeg' : undefined) ??
    (isSvg(bytes) ? 'image/svg+xml' : undefined)
  );
}
