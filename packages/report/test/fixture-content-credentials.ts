/**
 * A schema-valid `assets verify` result for the reporter tests (not exported from index.ts): the assets of
 * test-fixture-assets.ts, verified under `out/`, with the checks their policy rules ask for.
 */
import { AuditResultSchema, summarizeChecks } from '@rai-audit/core';
import type { AuditResult, Check, ContentCredentialsSection } from '@rai-audit/core';
import { check } from './fixture-checks.js';
import { HOSTILE_FILE_NAME, SCRIPT_INJECTION, fixtureAssets } from './fixture-assets.js';

/** The folder verified; checks name assets from the working directory, so their files start with it. */
export const ASSETS_ROOT = 'out';

type CheckSpec = [
  id: string,
  status: Check['status'],
  message: string,
  options?: { level?: Check['level']; actual?: Check['actual'] },
];

const TITLES: Readonly<Record<string, string>> = {
  'c2pa.manifest': 'C2PA manifest',
  'c2pa.signer': 'C2PA signer',
  'assets.ai-declaration': 'AI-generation declaration',
  'assets.watermark': 'Invisible watermark',
  'assets.covered': 'Covered by a policy rule',
  'assets.readable': 'Asset readable',
};

const EXPECTED: Readonly<Record<string, Check['expected']>> = {
  'c2pa.manifest': { operator: 'in', value: ['Valid', 'Trusted'] },
  'c2pa.signer': { operator: 'in', value: ['Example News'] },
  'assets.ai-declaration': { operator: 'in', value: ['ai-generated', 'composite-with-ai'] },
  'assets.watermark': { operator: 'in', value: ['StableDiffusionV1', 'SDXL'] },
  'assets.covered': { operator: 'present', value: true },
  'assets.readable': { operator: '==', value: 'verified' },
};

/** The checks of each asset, as the verifier words them, keyed by asset path. */
const CHECKS_BY_PATH: Readonly<Record<string, readonly CheckSpec[]>> = {
  'generated/cat-valid.png': [
    ['c2pa.manifest', 'pass', 'C2PA manifest Valid', { actual: 'Valid' }],
    ['assets.ai-declaration', 'pass', 'declared ai-generated'],
    ['assets.watermark', 'pass', 'watermark StableDiffusionV1 found'],
  ],
  'generated/cat-tampered.jpg': [
    ['c2pa.manifest', 'fail', 'C2PA manifest Invalid: assertion.dataHash.mismatch', { actual: 'Invalid' }],
    ['assets.ai-declaration', 'pass', 'declared composite-with-ai'],
    [
      'assets.watermark',
      'fail',
      'no invisible watermark found (the mark is fragile: its absence proves nothing)',
      { level: 'warn' },
    ],
  ],
  'photos/harbour-trusted.jpg': [
    ['c2pa.manifest', 'pass', 'C2PA manifest Trusted', { actual: 'Trusted' }],
    ['c2pa.signer', 'pass', 'signed by "Example News"', { actual: 'Example News Photo Desk' }],
  ],
  'photos/no-manifest.jpg': [
    ['c2pa.manifest', 'fail', 'no C2PA manifest', { actual: 'no-manifest' }],
    ['c2pa.signer', 'fail', 'no C2PA manifest, so no signer'],
  ],
  'generated/remote.webp': [
    ['c2pa.manifest', 'error', 'the remote C2PA manifest was not fetched, so it cannot be validated'],
    ['assets.ai-declaration', 'pass', 'declared ai-generated'],
    ['assets.watermark', 'not-applicable', 'watermark not applicable: image smaller than 256×256 pixels'],
  ],
  'generated/truncated.png': [
    ['assets.readable', 'fail', 'corrupt: the PNG ends inside its IDAT chunk (truncated at byte 4096)'],
    ['c2pa.manifest', 'error', 'C2PA manifest not evaluated: the PNG ends inside its IDAT chunk'],
    ['assets.ai-declaration', 'error', 'AI declaration not evaluated: the PNG ends inside its IDAT chunk'],
    ['assets.watermark', 'error', 'watermark not evaluated: the PNG ends inside its IDAT chunk'],
  ],
  [HOSTILE_FILE_NAME]: [
    ['c2pa.manifest', 'pass', 'C2PA manifest Valid', { actual: 'Valid' }],
    [
      'assets.ai-declaration',
      'fail',
      `the C2PA manifest and the XMP disagree on AI generation ${SCRIPT_INJECTION} | cell`,
    ],
    ['assets.watermark', 'pass', 'watermark <svg onload=alert(4)> found'],
  ],
  'audio/voice-over.wav': [
    ['assets.covered', 'warn', 'no policy rule covers this asset', { level: 'warn', actual: null }],
  ],
};

function assetChecks(path: string): Check[] {
  return (CHECKS_BY_PATH[path] ?? []).map(([id, status, message, options]) => {
    const level = options?.level ?? 'error';
    return check({
      id,
      area: 'content-credentials',
      title: TITLES[id] ?? id,
      level,
      // The verifier turns a failure at level warn into a warning.
      status: status === 'fail' && level === 'warn' ? 'warn' : status,
      message,
      actual: options?.actual ?? null,
      expected: EXPECTED[id] ?? null,
      subject: { file: `${ASSETS_ROOT}/${path}` },
      evidence: `evidence for ${path}`,
      remediation: 'Re-sign the asset as the last step of the pipeline.',
    });
  });
}

/** The section of the fixture: every outcome, settings with a validation time and a trust anchor file. */
export function contentCredentialsSection(): ContentCredentialsSection {
  return {
    kind: 'content-credentials',
    id: 'content-credentials',
    title: 'Content credentials',
    root: ASSETS_ROOT,
    settings: {
      at: '2025-06-01T00:00:00Z',
      trustAnchors: 'certs/test-ca.pem',
      allowNetwork: false,
      workers: 2,
      timeoutMs: 30000,
      maxPixels: 100_000_000,
    },
    assets: fixtureAssets(),
  };
}

/** A complete `assets verify` result, validated by AuditResultSchema; verdict FAIL. */
export function contentCredentialsResult(): AuditResult {
  const section = contentCredentialsSection();
  const checks = section.assets.flatMap((asset) => assetChecks(asset.path));
  return AuditResultSchema.parse({
    schemaVersion: '1.0.0',
    tool: { name: 'rai-audit', version: '0.1.0' },
    command: 'assets',
    createdAt: '2025-06-01T12:00:00.000Z',
    inputs: [{ role: 'trust-anchors', path: 'certs/test-ca.pem', sha256: 'c'.repeat(64), size: 1318 }],
    policy: { path: 'rai-audit.policy.yaml', sha256: 'd'.repeat(64), failOn: 'error' },
    sections: [section],
    checks,
    summary: summarizeChecks(checks),
    warnings: [],
  });
}
