import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, SHARED_ABSENT, sharedPath } from '../../../../tests/shared-fixtures.js';
import { declareAiGeneration, hasGenerativeAiClaim } from '../declaration/ai-declaration.js';
import { readXmpDigitalSourceTypes } from '../declaration/read-xmp.js';
import type { ContentCredentialsEvidence, ManifestEvidenceResult } from './evidence.js';
import { detectMediaType } from './media-type.js';
import { readContentCredentials } from './read-content-credentials.js';
import { parseTrustAnchorsPem } from './reader-settings.js';

// The ground truth is ../shared/fixtures/assets/expected.json, read field by field as the fixture README describes.
interface WasmOutcome {
  readonly validation_state?: string;
  readonly active_failure?: string[];
  readonly active_informational?: string[];
  readonly ingredient_failure?: string[];
  readonly validation_status?: string[];
  readonly outcome?: string;
}
interface ExpectedAsset {
  readonly format: string;
  readonly has_manifest: boolean | 'remote';
  readonly remote_url: string | null;
  readonly expected_validation_state: string | null;
  readonly expected_validation_codes: { active_failure: string[]; ingredient_failure: string[] } | null;
  readonly c2pa_wasm_default: WasmOutcome;
  readonly c2pa_wasm_with_test_trust_anchors: WasmOutcome;
  readonly provenance: {
    digital_source_types: { manifest: string; action: string; digitalSourceType: string }[];
    generative_ai_declared: boolean;
    generative_ai_declared_in_active_manifest: boolean;
    soft_bindings: { alg: string; value: string }[];
    claim_generator: string;
    signer: { issuer: string; common_name: string; alg: string; time: string | null };
    manifest_count: number;
  } | null;
  readonly xmp_iptc_digital_source_type: { prefix: string; form: string; value: string }[];
}
interface ExpectedFile {
  readonly validated_at: string;
  readonly files: Record<string, ExpectedAsset>;
}

const available = hasShared('fixtures', 'assets', 'expected.json');
const expected: ExpectedFile = available
  ? (JSON.parse(readFileSync(sharedPath('fixtures', 'assets', 'expected.json'), 'utf8')) as ExpectedFile)
  : { validated_at: '', files: {} };
const assetPath = (name: string): string => sharedPath('fixtures', 'assets', name);
const codes = (entries: readonly { code: string }[]): string[] => entries.map((entry) => entry.code);

function assertManifest(evidence: ContentCredentialsEvidence): ManifestEvidenceResult {
  if (evidence.outcome !== 'manifest')
    throw new Error(`expected a manifest, got ${JSON.stringify(evidence)}`);
  return evidence;
}

function checkProvenance(
  evidence: ManifestEvidenceResult,
  provenance: NonNullable<ExpectedAsset['provenance']>,
) {
  const active = evidence.manifests[0]!;
  expect(active.role).toBe('active');
  expect(active.claimGenerator).toBe(provenance.claim_generator);
  expect(active.signer).toMatchObject({
    issuer: provenance.signer.issuer,
    commonName: provenance.signer.common_name,
    algorithm: provenance.signer.alg,
    time: provenance.signer.time,
  });
  expect(evidence.manifestCount).toBe(provenance.manifest_count);
  const softBindings = evidence.manifests.flatMap((manifest) => manifest.softBindings);
  expect(softBindings.map(({ alg, value }) => ({ alg, value }))).toEqual(provenance.soft_bindings);
}

describe.skipIf(!available)(
  'C2PA evidence and AI labels on ../shared/fixtures/assets ' + SHARED_ABSENT,
  () => {
    // Signatures without a trusted timestamp expire; validating as of the day expected.json was made keeps this stable.
    const at = new Date(expected.validated_at);
    let trustAnchorsPem = '';
    beforeAll(() => {
      const bundle = ['c2pa-rs-test-root-bundle.pem', 'fixture-test-root-ca.pem'].map((name) =>
        readFileSync(assetPath(`trust/${name}`), 'utf8'),
      );
      trustAnchorsPem = parseTrustAnchorsPem(bundle.join('\n'), 'assets/trust/*.pem');
    });

    describe.each(Object.entries(expected.files))('%s', (name, asset) => {
      const bytes = new Uint8Array(readFileSync(assetPath(name)));

      it('is detected by content as its expected media type', () => {
        expect(detectMediaType(bytes)).toBe(asset.format);
      });

      it('reads the expected manifest, validation state and status codes (default settings)', async () => {
        const evidence = await readContentCredentials(bytes, { mimeType: asset.format, at });
        if (asset.has_manifest === false) return expect(evidence.outcome).toBe('no-manifest');
        if (asset.has_manifest === 'remote') {
          return expect(evidence).toMatchObject({
            outcome: 'remote-manifest',
            remoteUrl: asset.remote_url,
            fetched: false,
          });
        }
        const manifest = assertManifest(evidence);
        const wasm = asset.c2pa_wasm_default;
        expect(manifest.location).toBe('embedded');
        expect(manifest.validation.state).toBe(asset.expected_validation_state);
        expect(codes(manifest.validation.activeManifest.failure)).toEqual(
          asset.expected_validation_codes?.active_failure,
        );
        const ingredientFailures = manifest.validation.ingredientDeltas.flatMap((delta) =>
          codes(delta.failure),
        );
        expect(ingredientFailures).toEqual(asset.expected_validation_codes?.ingredient_failure);
        expect(codes(manifest.validation.activeManifest.informational)).toEqual(wasm.active_informational);
        expect(codes(manifest.validation.status)).toEqual(wasm.validation_status);
        expect(manifest.validation.activeManifest.failure.every((entry) => entry.explanation)).toBe(true);
        checkProvenance(manifest, asset.provenance!);
      });

      it('reads the expected state with the test trust anchors', async () => {
        const evidence = await readContentCredentials(bytes, { mimeType: asset.format, at, trustAnchorsPem });
        const withTrust = asset.c2pa_wasm_with_test_trust_anchors;
        // expected.json ran this case with remote fetching on; we never fetch without allowNetwork.
        if (asset.has_manifest === 'remote') return expect(evidence.outcome).toBe('remote-manifest');
        if (withTrust.outcome === 'no_manifest') return expect(evidence.outcome).toBe('no-manifest');
        const manifest = assertManifest(evidence);
        expect(manifest.validation.state).toBe(withTrust.validation_state);
        expect(codes(manifest.validation.activeManifest.failure)).toEqual(withTrust.active_failure);
      });

      it('declares the expected digital source types (C2PA active, ingredients) and XMP labels', async () => {
        const c2pa = await readContentCredentials(bytes, { mimeType: asset.format, at });
        const xmp = await readXmpDigitalSourceTypes(bytes, asset.format);
        expect(xmp.map(({ prefix, form, value }) => ({ prefix, form, value }))).toEqual(
          asset.xmp_iptc_digital_source_type.map(({ prefix, form, value }) => ({ prefix, form, value })),
        );
        const declaration = declareAiGeneration({ c2pa, xmp });
        const c2paClaims = declaration.claims.filter((claim) => claim.source !== 'xmp');
        const declared = c2paClaims.map((claim) => ({
          manifest: claim.source === 'c2pa-active' ? 'active' : 'ingredient',
          action: claim.action,
          digitalSourceType: claim.value,
        }));
        expect(declared).toEqual(asset.provenance?.digital_source_types ?? []);
        const generative = asset.provenance?.generative_ai_declared ?? false;
        expect(hasGenerativeAiClaim(c2paClaims)).toBe(generative);
        const activeStance = declaration.sources.find((source) => source.source === 'c2pa-active')?.stance;
        const activeDeclares = activeStance === 'generative-ai' || activeStance === 'composite-with-ai';
        expect(activeDeclares).toBe(asset.provenance?.generative_ai_declared_in_active_manifest ?? false);
        const labelled = generative || asset.xmp_iptc_digital_source_type.length > 0;
        expect(declaration.verdict === 'ai-generated' || declaration.verdict === 'composite-with-ai').toBe(
          labelled,
        );
      });
    });
  },
);
