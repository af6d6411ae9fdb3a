import type { AssetResult, CheckLevel } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { evaluateAssetChecks } from './asset-checks.js';
import { compileAssetRules, requirementsFor } from './asset-rules.js';
import { manifestRemediation } from './c2pa-checks.js';

const base: AssetResult = {
  path: 'generated/a.png',
  size: 10,
  mediaType: 'image/png',
  status: 'verified',
  c2pa: {
    outcome: 'manifest',
    embedded: true,
    state: 'Valid',
    codes: [{ code: 'signingCredential.untrusted', kind: 'failure', scope: 'active' }],
    signer: { commonName: 'Gen Bot', issuer: 'Example News' },
    actions: ['c2pa.created'],
    ingredients: 0,
  },
  declaration: { verdict: 'ai-generated', sources: [], conflicts: [] },
  watermark: { status: 'found', payload: '2d6f640f', bitsMatched: 32, bits: 32, pValue: 1e-9 },
  rules: [],
};

function evaluate(
  asset: AssetResult,
  rules: Array<[string, Record<string, unknown>]>,
  levels: Record<string, CheckLevel> = {},
): Array<[string, string, string]> {
  const compiled = compileAssetRules(rules.map(([glob, requirements]) => ({ glob, requirements })));
  const levelOf = (id: string): CheckLevel => levels[id] ?? (id === 'assets.covered' ? 'warn' : 'error');
  return evaluateAssetChecks(asset, requirementsFor(asset.path, compiled), { levelOf, file: asset.path }).map(
    (check) => [check.id, check.status, check.message],
  );
}

describe('evaluateAssetChecks', () => {
  it('merges matching rules: the strictest c2pa level wins and names its rule', () => {
    const compiled = compileAssetRules([
      { glob: '**', requirements: { c2pa: 'present' } },
      { glob: 'generated/**', requirements: { c2pa: 'trusted' } },
      { glob: 'other/**', requirements: { c2pa: 'valid' } },
    ]);
    expect(requirementsFor('generated/a.png', compiled)).toMatchObject({
      globs: ['**', 'generated/**'],
      c2pa: { level: 'trusted', globs: ['generated/**'] },
    });
    expect(
      evaluate(base, [
        ['**', { c2pa: 'present' }],
        ['generated/**', { c2pa: 'trusted' }],
      ]),
    ).toEqual([['c2pa.manifest', 'fail', 'C2PA manifest Valid: signingCredential.untrusted']]);
    expect(evaluate(base, [['**', { c2pa: 'valid' }]])).toEqual([
      ['c2pa.manifest', 'pass', 'C2PA manifest Valid'],
    ]);
  });

  it('a remote manifest is present, but cannot be validated without the network', () => {
    const remote: AssetResult = {
      ...base,
      c2pa: {
        outcome: 'remote-manifest',
        remoteUrl: 'https://x.test/m',
        codes: [],
        actions: [],
        ingredients: 0,
      },
    };
    expect(evaluate(remote, [['**', { c2pa: 'present' }]])[0]?.[1]).toBe('pass');
    expect(evaluate(remote, [['**', { c2pa: 'valid' }]])[0]).toEqual([
      'c2pa.manifest',
      'error',
      'the remote C2PA manifest was not fetched, so it cannot be validated',
    ]);
  });

  it('signer: matches the common name or the organisation, in every list, only on a manifest that validates', () => {
    expect(evaluate(base, [['**', { signer: ['example news'] }]])).toEqual([
      ['c2pa.signer', 'pass', 'signed by "example news"'],
    ]);
    expect(
      evaluate(base, [
        ['**', { signer: ['Gen Bot', 'X'] }],
        ['generated/**', { signer: ['X'] }],
      ]),
    ).toEqual([['c2pa.signer', 'fail', 'signer "Gen Bot" is not an allowed signer']]);
    const invalid: AssetResult = { ...base, c2pa: { ...base.c2pa!, state: 'Invalid' } };
    expect(evaluate(invalid, [['**', { signer: ['Gen Bot'] }]])[0]?.[1]).toBe('fail');
  });

  it('ai-declaration: required, forbidden, conflicting, and rules that contradict each other', () => {
    expect(evaluate(base, [['**', { 'ai-declaration': 'forbidden' }]])).toEqual([
      ['assets.ai-declaration', 'fail', 'declared ai-generated, forbidden by rule "**"'],
    ]);
    const conflicting: AssetResult = {
      ...base,
      declaration: { verdict: 'conflicting', sources: [], conflicts: ['x'] },
    };
    expect(evaluate(conflicting, [['**', { 'ai-declaration': 'required' }]])[0]?.[2]).toBe(
      'the C2PA manifest and the XMP disagree on AI generation',
    );
    const contradiction = evaluate(base, [
      ['**', { 'ai-declaration': 'required' }],
      ['generated/**', { 'ai-declaration': 'forbidden' }],
    ]);
    expect(contradiction[0]?.[1]).toBe('error');
  });

  it('watermark: a listed hex payload (any case, 0x) or a known one; not found fails; skipped is not applicable', () => {
    expect(evaluate(base, [['**', { watermark: ['0x2D6F640F'] }]])[0]?.[1]).toBe('pass');
    expect(evaluate(base, [['**', { watermark: 'any-known' }]])[0]).toEqual([
      'assets.watermark',
      'fail',
      'watermark 2d6f640f found, not accepted by rule "**"',
    ]);
    const compiled = compileAssetRules([{ glob: '**', requirements: { watermark: 'any-known' } }]);
    const found = evaluateAssetChecks(base, requirementsFor(base.path, compiled), {
      levelOf: () => 'error',
      file: base.path,
    }).find((check) => check.id === 'assets.watermark');
    expect(found?.remediation).toContain('list it in the watermark requirement of rule "**"');
    expect(found?.remediation).toContain('watermark: ["2d6f640f"]');
    expect(found?.remediation).not.toContain('Embed');
    const sdxl: AssetResult = { ...base, watermark: { status: 'found', payload: 'SDXL' } };
    expect(evaluate(sdxl, [['**', { watermark: 'any-known' }]])[0]?.[1]).toBe('pass');
    const none: AssetResult = { ...base, watermark: { status: 'not found' } };
    expect(evaluate(none, [['**', { watermark: 'any-known' }]])[0]?.[1]).toBe('fail');
    const audio: AssetResult = { ...base, watermark: { status: 'skipped', reason: 'not a raster image' } };
    expect(evaluate(audio, [['**', { watermark: 'any-known' }]])[0]?.[1]).toBe('not-applicable');
  });

  it('applies the policy levels: warn turns a failure into a warning, off drops the check', () => {
    const rules: Array<[string, Record<string, unknown>]> = [
      ['**', { c2pa: 'trusted', watermark: 'any-known' }],
    ];
    expect(evaluate(base, rules, { 'c2pa.manifest': 'warn', 'assets.watermark': 'off' })).toEqual([
      ['c2pa.manifest', 'warn', 'C2PA manifest Valid: signingCredential.untrusted'],
    ]);
  });

  it('an asset no rule covers gets assets.covered; an error asset gets assets.readable and error checks', () => {
    expect(evaluate(base, [['photos/**', { c2pa: 'valid' }]])).toEqual([
      ['assets.covered', 'warn', 'no policy rule covers this asset'],
    ]);
    const broken: AssetResult = {
      path: 'generated/a.png',
      size: 0,
      mediaType: null,
      status: 'error',
      error: { reason: 'empty', message: 'the file is empty (0 bytes)' },
      rules: [],
    };
    expect(evaluate(broken, [['**', { c2pa: 'valid', 'ai-declaration': 'required' }]])).toEqual([
      ['assets.readable', 'fail', 'empty: the file is empty (0 bytes)'],
      ['c2pa.manifest', 'error', 'C2PA manifest not evaluated: the file is empty (0 bytes)'],
      ['assets.ai-declaration', 'error', 'AI declaration not evaluated: the file is empty (0 bytes)'],
    ]);
  });
});

describe('manifestRemediation', () => {
  it('names the fix for the failure that explains the verdict', () => {
    expect(manifestRemediation(['signingCredential.untrusted', 'assertion.dataHash.mismatch'])).toMatch(
      /changed after it was signed/,
    );
    expect(manifestRemediation(['signingCredential.expired'])).toMatch(/--at/);
    expect(manifestRemediation(['signingCredential.untrusted'])).toMatch(/--trust FILE\.pem/);
    expect(manifestRemediation(['claimSignature.mismatch'])).toMatch(/claim signature does not verify/);
  });
});
