/**
 * The assets of the content-credentials fixture (not exported from index.ts): one per outcome a verification can
 * have, with the evidence c2pa-rs, the XMP reader and the watermark detector would report for it.
 */
import type { AssetResult, C2paStatusCode } from '@rai-audit/core';
import { IMG_INJECTION, SCRIPT_INJECTION } from './fixtures.js';

export { SCRIPT_INJECTION };
export const HOSTILE_FILE_NAME = `generated/${IMG_INJECTION}.png`;
export const REMOTE_MANIFEST_URL = 'https://manifests.example.com/c2pa/remote-1.c2pa?x="><img src=x>';

/** A real 12×12 PNG (409 bytes): a colour gradient. */
export const TINY_PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAwAAAAMCAIAAADZF8uwAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABS0lEQVR42g3KockGIQAA0H+cbwZncALDRbOYTHKYxGQQMYpBTHJRTJdEjGZxBGf47+X390MdoBeicqGHoCSQN8hFpAuSA90LsYPI3w93gF+Iy4UfgpPA3mAXsS5YDnwvzA7+Eu2AvpCWiz6EJkG9oS5SXagc9F6UHfol3gF/IS8XfwhPgnvDXeS6cDn4vTg7/EuqA/VCVS71EJWE8ka5qHRRcqh7KXbUl2wH9oW2XPYhNgnrjXXR6mLlsPey7NgvhQ7CC0O5wkNCEsGb4GLQJcgR7hXYCV/KHeQX5nLlh+QksjfZxaxLliPfK7OTv1Q7qC+s5aoPqUlUb6qLVZcqR71XZad+qXXQXtjK1R7SkmjeNBebLk2Odq/GTvvS7GC+cJZrPmQmMb2ZLk5dphzzXpOd+aXdwX7hLtd+yE5ie7Nd3LpsOfa9Njub/AOZpf2xDSiw6AAAAABJRU5ErkJggg==';

/** A real 24×16 WebP (112 bytes), the format the verifier writes its previews in. */
export const TINY_WEBP_DATA_URI =
  'data:image/webp;base64,UklGRmgAAABXRUJQVlA4IFwAAABQBACdASoYABAAPrUwqVC/oiSjGAPwFolsO4XgAlS7EMDekxIAA/Lw1mU4AP4UASmKJ/2+toy1P9OMolf/Y8e624cdy9mznVLSbg3mxPQpTjE/0D1IqiD5veDgAA==';

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const SIGNED_AT = '2025-05-30T09:14:00Z';

const SIGNATURE_VALIDATED: C2paStatusCode = {
  code: 'claimSignature.validated',
  kind: 'success',
  scope: 'active',
  explanation: 'claim signature valid',
};
const VALIDATED: C2paStatusCode[] = [
  SIGNATURE_VALIDATED,
  { code: 'assertion.dataHash.match', kind: 'success', scope: 'active', explanation: 'data hash valid' },
];

function sha(char: string): string {
  return char.repeat(64);
}

const validAsset: AssetResult = {
  path: 'generated/cat-valid.png',
  size: 48213,
  sha256: sha('1'),
  mediaType: 'image/png',
  status: 'verified',
  thumbnail: TINY_PNG_DATA_URI,
  c2pa: {
    outcome: 'manifest',
    embedded: true,
    state: 'Valid',
    codes: [
      ...VALIDATED,
      {
        code: 'signingCredential.untrusted',
        kind: 'failure',
        scope: 'active',
        explanation: 'signing certificate untrusted',
      },
    ],
    signer: { commonName: 'rai-audit test signer', issuer: 'rai-audit test CA', time: SIGNED_AT },
    claimGenerator: 'image-pipeline/2.3 c2pa-rs/0.49.5',
    actions: ['c2pa.created'],
    ingredients: 0,
  },
  declaration: {
    verdict: 'ai-generated',
    sources: [
      { source: 'c2pa-active', digitalSourceTypes: [`${IPTC}trainedAlgorithmicMedia`] },
      { source: 'xmp', digitalSourceTypes: [`${IPTC}trainedAlgorithmicMedia`] },
    ],
    conflicts: [],
  },
  watermark: { status: 'found', payload: 'StableDiffusionV1', bitsMatched: 136, bits: 136, pValue: 1.15e-41 },
  rules: ['generated/**'],
};

const tamperedAsset: AssetResult = {
  path: 'generated/cat-tampered.jpg',
  size: 51877,
  sha256: sha('2'),
  mediaType: 'image/jpeg',
  status: 'verified',
  thumbnail: TINY_WEBP_DATA_URI,
  c2pa: {
    outcome: 'manifest',
    embedded: true,
    state: 'Invalid',
    codes: [
      SIGNATURE_VALIDATED,
      {
        code: 'assertion.dataHash.mismatch',
        kind: 'failure',
        scope: 'active',
        explanation: 'asset hash does not match the hash in the manifest: the pixels changed after signing',
      },
      { code: 'timeStamp.untrusted', kind: 'informational', scope: 'active' },
    ],
    signer: { commonName: 'rai-audit test signer', issuer: 'rai-audit test CA', time: SIGNED_AT },
    claimGenerator: 'image-pipeline/2.3 c2pa-rs/0.49.5',
    actions: ['c2pa.created', 'c2pa.edited'],
    ingredients: 1,
  },
  declaration: {
    verdict: 'composite-with-ai',
    sources: [
      { source: 'c2pa-active', digitalSourceTypes: [`${IPTC}compositeWithTrainedAlgorithmicMedia`] },
      { source: 'c2pa-ingredient', digitalSourceTypes: [`${IPTC}trainedAlgorithmicMedia`] },
    ],
    conflicts: [],
  },
  watermark: { status: 'not found' },
  rules: ['generated/**', '**/*.jpg'],
};

const trustedAsset: AssetResult = {
  path: 'photos/harbour-trusted.jpg',
  size: 1204311,
  sha256: sha('3'),
  mediaType: 'image/jpeg',
  status: 'verified',
  thumbnail: TINY_WEBP_DATA_URI,
  c2pa: {
    outcome: 'manifest',
    embedded: true,
    state: 'Trusted',
    codes: [...VALIDATED, { code: 'signingCredential.trusted', kind: 'success', scope: 'active' }],
    signer: { commonName: 'Example News Photo Desk', issuer: 'Example News', time: SIGNED_AT },
    claimGenerator: 'ExampleCam firmware 4.1',
    actions: ['c2pa.created', 'c2pa.color_adjustments'],
    ingredients: 0,
  },
  declaration: {
    verdict: 'not-declared',
    sources: [{ source: 'c2pa-active', digitalSourceTypes: [`${IPTC}digitalCapture`] }],
    conflicts: [],
  },
  watermark: { status: 'not found' },
  rules: ['photos/**', '**/*.jpg'],
};

const noManifestAsset: AssetResult = {
  path: 'photos/no-manifest.jpg',
  size: 88020,
  sha256: sha('4'),
  mediaType: 'image/jpeg',
  status: 'verified',
  c2pa: { outcome: 'no-manifest', codes: [], actions: [], ingredients: 0, reason: 'no JUMBF box found' },
  declaration: { verdict: 'not-declared', sources: [], conflicts: [] },
  watermark: { status: 'not found' },
  rules: ['photos/**', '**/*.jpg'],
};

const remoteAsset: AssetResult = {
  path: 'generated/remote.webp',
  size: 20411,
  sha256: sha('5'),
  mediaType: 'image/webp',
  status: 'verified',
  thumbnail: TINY_WEBP_DATA_URI,
  c2pa: {
    outcome: 'remote-manifest',
    embedded: false,
    remoteUrl: REMOTE_MANIFEST_URL,
    codes: [],
    actions: [],
    ingredients: 0,
    reason: 'the manifest is remote and --allow-network was not given',
  },
  declaration: {
    verdict: 'ai-generated',
    sources: [{ source: 'xmp', digitalSourceTypes: [`${IPTC}trainedAlgorithmicMedia`] }],
    conflicts: [],
  },
  watermark: { status: 'skipped', reason: 'image smaller than 256×256 pixels' },
  rules: ['generated/**'],
};

const truncatedAsset: AssetResult = {
  path: 'generated/truncated.png',
  size: 4096,
  sha256: sha('6'),
  mediaType: 'image/png',
  status: 'error',
  error: { reason: 'corrupt', message: 'the PNG ends inside its IDAT chunk (truncated at byte 4096)' },
  rules: ['generated/**'],
};

const hostileAsset: AssetResult = {
  path: HOSTILE_FILE_NAME,
  size: 31337,
  sha256: sha('7'),
  mediaType: 'image/png',
  status: 'verified',
  thumbnail: TINY_PNG_DATA_URI,
  c2pa: {
    outcome: 'manifest',
    embedded: true,
    state: 'Valid',
    codes: [
      {
        code: `claimSignature.validated${SCRIPT_INJECTION}`,
        kind: 'failure',
        scope: 'ingredient',
        explanation: `<b>bold</b> ${SCRIPT_INJECTION}`,
      },
    ],
    signer: { commonName: '<img src=x onerror=alert(2)>', issuer: 'A & B "quoted" \u2028 CA\u0001' },
    claimGenerator: SCRIPT_INJECTION,
    actions: [`c2pa.created${SCRIPT_INJECTION}`],
    ingredients: 2,
  },
  declaration: {
    verdict: 'conflicting',
    sources: [
      { source: 'c2pa-active', digitalSourceTypes: [`${IPTC}digitalCapture`] },
      { source: 'xmp', digitalSourceTypes: [`${IPTC}trainedAlgorithmicMedia`, `javascript:alert(3)`] },
    ],
    conflicts: [`C2PA says digitalCapture, XMP says trainedAlgorithmicMedia ${SCRIPT_INJECTION}`],
  },
  watermark: {
    status: 'found',
    payload: '<svg onload=alert(4)>',
    bitsMatched: 44,
    bits: 48,
    pValue: 0.00042,
  },
  rules: ['generated/**', '**/<*>.png'],
};

const uncoveredAsset: AssetResult = {
  path: 'audio/voice-over.wav',
  size: 960044,
  sha256: sha('8'),
  mediaType: 'audio/wav',
  status: 'verified',
  c2pa: { outcome: 'no-manifest', codes: [], actions: [], ingredients: 0, reason: 'no JUMBF box found' },
  declaration: { verdict: 'not-declared', sources: [], conflicts: [] },
  watermark: { status: 'skipped', reason: 'not an image' },
  rules: [],
};

/** Every asset of the fixture, sorted by path as the verifier sorts them. */
export function fixtureAssets(): AssetResult[] {
  return [
    validAsset,
    tamperedAsset,
    trustedAsset,
    noManifestAsset,
    remoteAsset,
    truncatedAsset,
    hostileAsset,
    uncoveredAsset,
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
