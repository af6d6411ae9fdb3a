import { readFileSync } from 'node:fs';
import type { AssetResult, Check } from '@rai-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, SHARED_ABSENT, sharedPath } from '../../../../tests/shared-fixtures.js';
import { verifyAssets, type VerifyAssetsOutcome } from './verify-assets.js';

// The readers are tested file by file in c2pa/fixture-assets.test.ts; this checks what the pipeline makes of
// their evidence: the AssetResult fields and the checks of a policy, on every file of expected.json.
interface ExpectedAsset {
  readonly format: string;
  readonly size: number;
  readonly sha256: string;
  readonly has_manifest: boolean | 'remote';
  readonly remote_url: string | null;
  readonly expected_validation_state: 'Invalid' | 'Valid' | 'Trusted' | null;
  readonly expected_validation_codes: { active_failure: string[]; ingredient_failure: string[] } | null;
  readonly provenance: {
    readonly digital_source_types: ReadonlyArray<{ manifest: string; digitalSourceType: string }>;
    readonly signer: { issuer: string; common_name: string };
  } | null;
  readonly xmp_iptc_digital_source_type: ReadonlyArray<{ value: string }>;
  readonly expected_watermark?: { present: boolean; scheme?: string; payload?: string };
}
interface ExpectedFile {
  readonly validated_at: string;
  readonly files: Record<string, ExpectedAsset>;
}

const available = hasShared('fixtures', 'assets', 'expected.json');
const expected: ExpectedFile = available
  ? (JSON.parse(readFileSync(sharedPath('fixtures', 'assets', 'expected.json'), 'utf8')) as ExpectedFile)
  : { validated_at: '', files: {} };

const AI = /\/(trainedAlgorithmicMedia|compositeWithTrainedAlgorithmicMedia|compositeSynthetic)$/;

function declaresAi(file: ExpectedAsset): boolean {
  const c2pa = file.provenance?.digital_source_types.map((claim) => claim.digitalSourceType) ?? [];
  return [...c2pa, ...file.xmp_iptc_digital_source_type.map((label) => label.value)].some((value) =>
    AI.test(value),
  );
}

function expectedManifestStatus(file: ExpectedAsset): Check['status'] {
  if (file.has_manifest === 'remote') return 'error'; // not fetched without --allow-network
  return file.expected_validation_state === 'Valid' || file.expected_validation_state === 'Trusted'
    ? 'pass'
    : 'fail';
}

describe.skipIf(!available)(
  'verifyAssets on ../shared/fixtures/assets (expected.json) ' + SHARED_ABSENT,
  () => {
    let outcome: VerifyAssetsOutcome;
    const names = Object.keys(expected.files).sort();
    const result = (name: string): AssetResult => outcome.section.assets.find((a) => a.path === name)!;
    const check = (name: string, id: string): Check | undefined =>
      outcome.checks.find((c) => c.subject.file === name && c.id === id);

    beforeAll(async () => {
      outcome = await verifyAssets({
        inputs: names,
        cwd: sharedPath('fixtures', 'assets'),
        policy: {
          failOn: 'error',
          checks: {},
          trust: [],
          bias: {},
          assets: [
            {
              glob: '**',
              requirements: { c2pa: 'valid', 'ai-declaration': 'required', watermark: 'any-known' },
            },
          ],
        },
        at: new Date(expected.validated_at),
        workers: 0,
        timeoutMs: 60_000,
        maxPixels: 64_000_000,
        thumbnailSize: 0,
      });
    });

    it('verifies every file (none is an error result), in path order', () => {
      expect(outcome.section.assets.map((asset) => [asset.path, asset.status])).toEqual(
        names.map((name) => [name, 'verified']),
      );
      expect(outcome.section.settings.at).toBe(new Date(expected.validated_at).toISOString());
    });

    describe.each(names)('%s', (name) => {
      const file = expected.files[name]!;

      it('has the expected type, size, hash, C2PA outcome, state, failure codes and signer', () => {
        const asset = result(name);
        expect([asset.mediaType, asset.size, asset.sha256]).toEqual([file.format, file.size, file.sha256]);
        const outcomeName =
          file.has_manifest === true
            ? 'manifest'
            : file.has_manifest === 'remote'
              ? 'remote-manifest'
              : 'no-manifest';
        expect(asset.c2pa?.outcome).toBe(outcomeName);
        if (file.has_manifest === 'remote') expect(asset.c2pa?.remoteUrl).toBe(file.remote_url);
        expect(asset.c2pa?.state ?? null).toBe(file.expected_validation_state);
        const failures = (scope: string): string[] =>
          (asset.c2pa?.codes ?? [])
            .filter((c) => c.kind === 'failure' && c.scope === scope)
            .map((c) => c.code);
        expect(failures('active')).toEqual(file.expected_validation_codes?.active_failure ?? []);
        expect(failures('ingredient')).toEqual(file.expected_validation_codes?.ingredient_failure ?? []);
        if (file.provenance) {
          expect(asset.c2pa?.signer).toMatchObject({
            issuer: file.provenance.signer.issuer,
            commonName: file.provenance.signer.common_name,
          });
        }
      });

      it('declares the expected digital source types, by source', () => {
        const sources = Object.fromEntries(
          (result(name).declaration?.sources ?? []).map((s) => [s.source, s.digitalSourceTypes]),
        );
        const c2pa = (role: string): string[] =>
          [
            ...new Set(
              (file.provenance?.digital_source_types ?? [])
                .filter((c) => c.manifest === role)
                .map((c) => c.digitalSourceType),
            ),
          ].sort();
        expect(sources['c2pa-active'] ?? []).toEqual(c2pa('active'));
        expect(sources['c2pa-ingredient'] ?? []).toEqual(c2pa('ingredient'));
        expect(sources.xmp ?? []).toEqual(
          [...new Set(file.xmp_iptc_digital_source_type.map((label) => label.value))].sort(),
        );
      });

      it('finds the expected dwtDct watermark, and none elsewhere', () => {
        const watermark = result(name).watermark;
        const dwtDct =
          file.expected_watermark?.present && file.expected_watermark.scheme === 'invisible-watermark dwtDct';
        if (dwtDct)
          expect(watermark).toMatchObject({ status: 'found', payload: file.expected_watermark?.payload });
        else expect(watermark?.status).not.toBe('found');
      });

      it('evaluates the policy checks as expected.json implies', () => {
        expect(check(name, 'c2pa.manifest')?.status).toBe(expectedManifestStatus(file));
        expect(check(name, 'assets.ai-declaration')?.status).toBe(declaresAi(file) ? 'pass' : 'fail');
        const watermark = result(name).watermark;
        const watermarkStatus =
          watermark?.status === 'found'
            ? 'pass'
            : watermark?.status === 'skipped'
              ? 'not-applicable'
              : 'fail';
        expect(check(name, 'assets.watermark')?.status).toBe(watermarkStatus);
        expect(check(name, 'assets.readable')).toBeUndefined();
      });
    });
  },
);
