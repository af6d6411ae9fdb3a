import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { JPEG, PNG, type Asset } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import {
  ActionAssertion,
  type Assertion,
  CreativeWorkAssertion,
  IngredientAssertion,
  ManifestStore,
  TrainingAndDataMiningAssertion,
  ValidationResult,
  type Manifest,
} from '@trustnxt/c2pa-ts/manifest';
import { readContentCredentials } from '../c2pa/read-content-credentials.js';
import { loadSigningCredentials, type SigningCredentials } from '../keys/cose-signer.js';
import { createTestCredentials } from '../keys/keygen.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../keys/signing-algorithms.js';
import { markAsset, type MarkOptions } from './mark-asset.js';

/**
 * Files signed by rai-audit (c2pa-rs's builder with our COSE signer), read back by an independent implementation:
 * @trustnxt/c2pa-ts, pure TypeScript, which reads JPEG and PNG (not WebP or TIFF). Note that its
 * `signingCredential.trusted` means only that the certificate profile and validity are right: it does no chain of
 * trust validation, so trust is compared on c2pa-rs's side only.
 */

const AI = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const FORMATS = { 'image/png': PNG, 'image/jpeg': JPEG } as const;

async function generatedImage(format: 'png' | 'jpeg'): Promise<Uint8Array> {
  const width = 320;
  const height = 240;
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i += 1) data[i] = (i * 7 + (i >> 9)) & 0xff;
  return new Uint8Array(
    await sharp(data, { raw: { width, height, channels: 3 } })
      .toFormat(format)
      .toBuffer(),
  );
}

async function readIndependently(
  bytes: Uint8Array,
  mediaType: keyof typeof FORMATS,
): Promise<{ store: ManifestStore; active: Manifest; validation: ValidationResult }> {
  const asset: Asset = new FORMATS[mediaType](bytes);
  const jumbf = asset.getManifestJUMBF();
  if (!jumbf) throw new Error('c2pa-ts finds no manifest store');
  const store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf)));
  const validation = await store.validate(asset).catch((e: Error) => ValidationResult.fromError(e));
  return { store, active: store.getActiveManifest()!, validation };
}

function assertionsOf<T extends Assertion>(
  manifest: Manifest,
  type: abstract new (...args: never[]) => T,
): T[] {
  return (manifest.assertions?.assertions ?? []).filter((a): a is T => a instanceof type);
}

async function credentialsFor(
  algorithm: SigningAlgorithm,
): Promise<{ credentials: SigningCredentials; caPem: string }> {
  const made = await createTestCredentials({ algorithm });
  const credentials = loadSigningCredentials({
    certPem: made.certChainPem,
    certFile: 'cert.pem',
    keyPem: made.keyPem,
    keySource: 'key.pem',
  });
  return { credentials, caPem: made.caPem };
}

function markOptions(credentials: SigningCredentials): MarkOptions {
  return {
    digitalSourceType: AI,
    claimGenerator: { name: 'rai-audit', version: '9.8.7' },
    terms: {
      author: 'Ada',
      copyrightHolder: 'Example Ltd',
      license: 'CC-BY-4.0',
      trainingMining: 'notAllowed',
    },
    credentials,
  };
}

describe('files signed by rai-audit, read by @trustnxt/c2pa-ts', () => {
  for (const algorithm of Object.keys(SIGNING_ALGORITHMS) as SigningAlgorithm[]) {
    for (const mediaType of Object.keys(FORMATS) as Array<keyof typeof FORMATS>) {
      it(`${algorithm}, ${mediaType}: the same manifest, actions, terms, and a valid signature and hash`, async () => {
        const { credentials, caPem } = await credentialsFor(algorithm);
        const input = await generatedImage(mediaType === 'image/png' ? 'png' : 'jpeg');
        const marked = await markAsset(input, 'generated.img', markOptions(credentials));
        const ours = await readContentCredentials(marked.bytes, {
          mimeType: mediaType,
          trustAnchorsPem: caPem,
        });
        const theirs = await readIndependently(marked.bytes, mediaType);

        expect(ours.outcome).toBe('manifest');
        if (ours.outcome !== 'manifest') return;
        expect(ours.validation.state).toBe('Trusted');
        expect(theirs.validation.statusEntries.filter((e) => !e.success)).toEqual([]);
        expect(theirs.validation.isValid).toBe(true);
        const codes = theirs.validation.statusEntries.map((e) => e.code);
        expect(codes).toEqual(
          expect.arrayContaining(['claimSignature.validated', 'assertion.dataHash.match']),
        );

        expect(theirs.store.manifests).toHaveLength(1);
        expect(theirs.active.label).toBe(ours.manifests[0]!.label);
        expect(theirs.active.claim?.claimGeneratorName).toBe('rai-audit');
        expect(ours.manifests[0]!.claimGenerator).toMatch(/^rai-audit/);
        const actions = assertionsOf(theirs.active, ActionAssertion).flatMap((a) => a.actions);
        expect(actions.map((a) => [a.action, a.digitalSourceType])).toEqual([['c2pa.created', AI]]);
        expect(ours.manifests[0]!.actions.map((a) => [a.action, a.digitalSourceType])).toEqual([
          ['c2pa.created', AI],
        ]);
        const [work] = assertionsOf(theirs.active, CreativeWorkAssertion);
        expect(work?.creativeWork).toMatchObject({
          author: [{ '@type': 'Person', name: 'Ada' }],
          license: 'https://spdx.org/licenses/CC-BY-4.0.html',
        });
        const [mining] = assertionsOf(theirs.active, TrainingAndDataMiningAssertion);
        expect(mining?.isCAWG).toBe(true);
        expect(Object.values(mining?.entries ?? {}).map((e) => e.choice)).toEqual(
          Array(4).fill('notAllowed'),
        );
      });
    }
  }

  it('a byte changed after signing: both readers report the data hash mismatch', async () => {
    const { credentials } = await credentialsFor('es256');
    const marked = await markAsset(await generatedImage('png'), 'generated.png', markOptions(credentials));
    const tampered = new Uint8Array(marked.bytes);
    const at = tampered.length - 20; // inside the last IDAT, before IEND
    tampered[at] = tampered[at]! ^ 0xff;
    const ours = await readContentCredentials(tampered, { mimeType: 'image/png' });
    const theirs = await readIndependently(tampered, 'image/png');
    expect(ours.outcome === 'manifest' && ours.validation.state).toBe('Invalid');
    expect(theirs.validation.isValid).toBe(false);
    expect(theirs.validation.statusEntries.map((e) => e.code)).toContain('assertion.dataHash.mismatch');
  });

  it('a re-marked file: both see the parent manifest as a parentOf ingredient and c2pa.opened', async () => {
    const { credentials } = await credentialsFor('es256');
    const once = await markAsset(await generatedImage('jpeg'), 'generated.jpg', markOptions(credentials));
    const twice = await markAsset(once.bytes, 'generated.jpg', markOptions(credentials));
    expect(twice.hadManifest).toBe(true);
    const theirs = await readIndependently(twice.bytes, 'image/jpeg');
    expect(theirs.validation.isValid).toBe(true);
    expect(theirs.store.manifests).toHaveLength(2);
    const [ingredient] = assertionsOf(theirs.active, IngredientAssertion);
    expect(ingredient?.relationship).toBe('parentOf');
    const actions = assertionsOf(theirs.active, ActionAssertion).flatMap((a) =>
      a.actions.map((x) => x.action),
    );
    expect(actions).toEqual(['c2pa.opened', 'c2pa.edited']);
  });
});
