/**
 * Signed test assets made by the project with its own test CA (fixtures/assets/test-ca), for the end-to-end tests
 * of `rai-audit assets verify` and for the benchmark. Signing goes through @contentauth/c2pa-wasm's WasmBuilder; the
 * signer callback returns a complete COSE_Sign1 built here (CBOR, ES256 with node:crypto), padded to the size the
 * builder reserved, as ../shared/notes/c2pa-wasm-in-node.md describes.
 */
import { Blob } from 'node:buffer';
import { createPrivateKey, sign as signBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const c2pa = await import(require.resolve('@contentauth/c2pa-wasm'));
const { default: sharp } = await import(require.resolve('sharp'));
c2pa.initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });

/** The folder of the committed test CA: root-ca.pem (trust anchor), signer.pem and signer.key (PKCS#8). */
export const TEST_CA_DIR = fileURLToPath(new URL('../../../fixtures/assets/test-ca/', import.meta.url));

/** IPTC digital source type of generative AI output. */
export const AI_GENERATED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';

const RESERVE_SIZE = 10_000;

/** The test signer: its certificate (DER), private key and the root CA's PEM text (for --trust). */
export function loadTestSigner(dir = TEST_CA_DIR) {
  const certificate = new X509Certificate(readFileSync(`${dir}/signer.pem`));
  return {
    certificateDer: new Uint8Array(certificate.raw),
    privateKey: createPrivateKey(readFileSync(`${dir}/signer.key`)),
    rootPemFile: `${dir}/root-ca.pem`,
    rootPem: readFileSync(`${dir}/root-ca.pem`, 'utf8'),
  };
}

function cborHead(major, length) {
  if (length < 24) return [(major << 5) | length];
  if (length < 0x100) return [(major << 5) | 24, length];
  if (length < 0x10000) return [(major << 5) | 25, length >> 8, length & 0xff];
  return [
    (major << 5) | 26,
    (length >>> 24) & 0xff,
    (length >> 16) & 0xff,
    (length >> 8) & 0xff,
    length & 0xff,
  ];
}

/** The CBOR subset COSE needs: integers, text, bytes, arrays, maps, null and tags ({ tag, value }). */
function encodeCbor(value) {
  if (value === null) return Uint8Array.of(0xf6);
  if (typeof value === 'number')
    return Uint8Array.from(value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value));
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([Uint8Array.from(cborHead(3, text.length)), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([Uint8Array.from(cborHead(2, value.length)), value]);
  if (Array.isArray(value))
    return Buffer.concat([Uint8Array.from(cborHead(4, value.length)), ...value.map(encodeCbor)]);
  if (value instanceof Map) {
    const entries = [...value].flatMap(([key, item]) => [encodeCbor(key), encodeCbor(item)]);
    return Buffer.concat([Uint8Array.from(cborHead(5, value.size)), ...entries]);
  }
  return Buffer.concat([Uint8Array.from(cborHead(6, value.tag)), encodeCbor(value.value)]);
}

/** A tagged COSE_Sign1 over the claim, with an ES256 signature in IEEE P1363 form, padded to exactly `size` bytes. */
function coseSign1(claim, signer, size) {
  const protectedHeader = encodeCbor(
    new Map([
      [1, -7],
      [33, signer.certificateDer],
    ]),
  );
  const toBeSigned = encodeCbor(['Signature1', protectedHeader, new Uint8Array(0), new Uint8Array(claim)]);
  const signature = signBytes('sha256', toBeSigned, { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
  const build = (pad) =>
    encodeCbor({
      tag: 18,
      value: [protectedHeader, new Map([['pad', new Uint8Array(pad)]]), null, new Uint8Array(signature)],
    });
  let pad = 0;
  for (let attempt = 0; attempt < 4 && build(pad).length !== size; attempt += 1)
    pad += size - build(pad).length;
  const cose = build(pad);
  if (cose.length !== size) throw new Error(`COSE_Sign1 is ${cose.length} bytes, not the ${size} reserved`);
  return cose;
}

/** A Blob whose bytes can be read synchronously, for the FileReaderSync that the builder expects (absent in Node). */
class MemoryBlob extends Blob {
  #bytes;
  constructor(bytes) {
    super([bytes]);
    this.#bytes = bytes;
  }
  get bytes() {
    return this.#bytes;
  }
  slice(start = 0, end = this.#bytes.length) {
    return new MemoryBlob(this.#bytes.subarray(start, end));
  }
}

globalThis.FileReaderSync ??= class FileReaderSync {
  readAsArrayBuffer(blob) {
    const bytes = blob.bytes;
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
};

/**
 * Signs an asset with the test signer: a manifest with one `c2pa.created` action (declaring `digitalSourceType`
 * unless it is null) and the claim generator "rai-audit test assets".
 */
export async function signTestAsset(
  bytes,
  { format, signer = loadTestSigner(), title = 'test asset', digitalSourceType = AI_GENERATED },
) {
  const action = { action: 'c2pa.created', ...(digitalSourceType ? { digitalSourceType } : {}) };
  const manifest = {
    claim_generator_info: [{ name: 'rai-audit test assets', version: '1.0' }],
    title,
    format,
    assertions: [{ label: 'c2pa.actions', data: { actions: [action] } }],
  };
  const builder = c2pa.WasmBuilder.fromJson(JSON.stringify(manifest));
  try {
    const definition = {
      alg: 'es256',
      reserveSize: RESERVE_SIZE,
      sign: async (claim) => coseSign1(claim, signer, RESERVE_SIZE),
    };
    return await builder.sign(definition, [], format, new MemoryBlob(new Uint8Array(bytes)));
  } finally {
    builder.free();
  }
}

/**
 * A deterministic image of the given size: colour gradients and a seeded wave, flat over 4×4 blocks so that a
 * PNG takes under 200 KB per megapixel (the benchmark writes a thousand of them).
 */
export async function makeTestImage({ width, height, format = 'png', seed = 1 }) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const by = y & ~3;
    for (let x = 0; x < width; x += 1) {
      const bx = x & ~3;
      const i = (y * width + x) * 3;
      data[i] = (bx * 255) / width + seed * 37;
      data[i + 1] = (by * 255) / height + seed * 71;
      data[i + 2] = 128 + 60 * Math.sin((bx + by * seed) / 40);
    }
  }
  const image = sharp(data, { raw: { width, height, channels: 3 } });
  return format === 'jpeg'
    ? image.jpeg({ quality: 85 }).toBuffer()
    : image.png({ compressionLevel: 6 }).toBuffer();
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * The PNG with a tEXt chunk inserted before IEND: still a valid image, but its bytes no longer match the hash in
 * its C2PA manifest (assertion.dataHash.mismatch) — how a metadata tool tampers with a signed file.
 */
export function appendPngTextChunk(png, keyword = 'Comment', text = 'edited after signing') {
  const body = Buffer.concat([
    Buffer.from('tEXt'),
    Buffer.from(keyword, 'latin1'),
    Buffer.of(0),
    Buffer.from(text, 'latin1'),
  ]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  const bytes = Buffer.from(png);
  const iend = bytes.length - 12;
  return Buffer.concat([bytes.subarray(0, iend), chunk, bytes.subarray(iend)]);
}
