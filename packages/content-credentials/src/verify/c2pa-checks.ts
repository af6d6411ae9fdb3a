import type { AssetC2pa, AssetResult, Expected } from '@rai-audit/core';
import type { AssetRequirementSet } from './asset-rules.js';
import { describeGlobs, type Finding } from './check-finding.js';

type C2paRequirement = NonNullable<AssetRequirementSet['c2pa']>;

const EXPECTED_STATE: Readonly<Record<C2paRequirement['level'], Expected>> = {
  present: { operator: 'present', value: true },
  valid: { operator: 'in', value: ['Valid', 'Trusted'] },
  trusted: { operator: '==', value: 'Trusted' },
};

// What a passing check says to do should it fail: the usual cause at each level.
const REMEDIATION_CODES: Readonly<Record<'valid' | 'trusted', string[]>> = {
  valid: ['assertion.dataHash.mismatch'],
  trusted: ['signingCredential.untrusted'],
};

const SIGN_COMMAND = '`c2patool <file> -m manifest.json -o <signed file>`';

const NO_MANIFEST_REMEDIATION =
  `Sign the asset with its C2PA manifest as the last step of the pipeline (for example ${SIGN_COMMAND}); ` +
  'resizing, re-encoding and metadata-stripping tools drop an embedded manifest.';

function failureCodes(c2pa: AssetC2pa): string[] {
  return c2pa.codes.filter((code) => code.kind === 'failure').map((code) => code.code);
}

/** The fix for the first failure that explains an invalid or untrusted manifest. */
export function manifestRemediation(codes: readonly string[]): string {
  const has = (pattern: RegExp): boolean => codes.some((code) => pattern.test(code));
  if (has(/^assertion\.(dataHash|bmffHash|boxesHash|collectionHash)\.|^assertion\.hashedURI\.mismatch$/)) {
    return (
      'The asset changed after it was signed: re-sign the final file as the last step of the pipeline ' +
      `(${SIGN_COMMAND}), after any resizing, re-encoding or metadata edit.`
    );
  }
  if (has(/^claimSignature\./))
    return `The claim signature does not verify: the manifest was altered or signed incorrectly; re-sign the asset (${SIGN_COMMAND}).`;
  if (has(/^signingCredential\.(expired|revoked)$/)) {
    return (
      'The signing certificate was expired or revoked at the validation time: re-sign with a current certificate and a ' +
      'trusted timestamp (`ta_url` in the c2patool manifest), or pass --at with the time the asset was signed.'
    );
  }
  if (has(/^signingCredential\.untrusted$/)) {
    return (
      'The signer does not chain to a trust anchor: pass the root CA that issued the signing certificate with ' +
      '--trust FILE.pem, or sign with a certificate from a CA on the C2PA trust list.'
    );
  }
  return `Re-sign the asset (${SIGN_COMMAND}) and check the failure codes listed in the evidence.`;
}

function describeCodes(c2pa: AssetC2pa): string {
  const failures = c2pa.codes.filter((code) => code.kind === 'failure');
  if (failures.length === 0) return 'no failure codes';
  const listed = failures.map((code) => {
    const scope = code.scope === 'ingredient' ? ' [ingredient]' : '';
    return `${code.code}${scope}${code.explanation ? ` (${code.explanation})` : ''}`;
  });
  return `failure codes: ${listed.join('; ')}`;
}

function notEvaluated(asset: AssetResult, expected: Expected): Finding | undefined {
  const c2pa = asset.c2pa;
  if (c2pa && c2pa.outcome !== 'error') return undefined;
  const why = c2pa?.reason ?? asset.error?.message ?? 'the asset was not read';
  return {
    outcome: 'error',
    message: `C2PA manifest not evaluated: ${why}`,
    expected,
    actual: c2pa ? 'error' : null,
    evidence: c2pa ? `C2PA reader: ${why}` : `asset error ${asset.error?.reason ?? 'unknown'}: ${why}`,
    remediation:
      'Fix the asset so that it can be read (see the assets.readable check), then verify it again.',
  };
}

function absentManifestFinding(c2pa: AssetC2pa, requirement: C2paRequirement, expected: Expected): Finding {
  const from = `${requirement.level} required by ${describeGlobs(requirement.globs)}`;
  if (c2pa.outcome === 'no-manifest') {
    const evidence = `no C2PA manifest (JUMBF) found; ${from}`;
    return {
      outcome: 'fail',
      message: 'no C2PA manifest',
      expected,
      actual: 'no-manifest',
      evidence,
      remediation: NO_MANIFEST_REMEDIATION,
    };
  }
  const evidence = `remote manifest at ${c2pa.remoteUrl ?? '?'}, not fetched; ${from}`;
  const remote = { expected, actual: 'remote-manifest', evidence };
  if (requirement.level === 'present') {
    return {
      ...remote,
      outcome: 'pass',
      message: 'a remote C2PA manifest is referenced',
      remediation: NO_MANIFEST_REMEDIATION,
    };
  }
  return {
    ...remote,
    outcome: 'error',
    message: 'the remote C2PA manifest was not fetched, so it cannot be validated',
    remediation:
      'Run with --allow-network to fetch and validate the remote manifest, or embed the manifest in the asset.',
  };
}

/** `c2pa.manifest`: present, valid (Valid or Trusted) or trusted, as the strictest matching rule asks. */
export function c2paManifestFinding(asset: AssetResult, requirement: C2paRequirement): Finding {
  const expected = EXPECTED_STATE[requirement.level];
  const unevaluated = notEvaluated(asset, expected);
  if (unevaluated) return unevaluated;
  const c2pa = asset.c2pa!;
  if (c2pa.outcome !== 'manifest') return absentManifestFinding(c2pa, requirement, expected);
  const { level } = requirement;
  const state = c2pa.state ?? 'Invalid';
  const passed = level === 'present' || (level === 'valid' ? state !== 'Invalid' : state === 'Trusted');
  const codes = failureCodes(c2pa);
  // Valid tolerates an untrusted signer, so that code is news only when trust is required.
  const shown = codes.filter(
    (code) => state !== 'Valid' || level === 'trusted' || code !== 'signingCredential.untrusted',
  );
  const untrustedOnly = level === 'trusted' && state === 'Valid';
  return {
    outcome: passed ? 'pass' : 'fail',
    message: `C2PA manifest ${state}${!passed && shown.length > 0 ? `: ${shown.join(', ')}` : ''}`,
    expected,
    actual: state,
    evidence: `state ${state}; ${describeCodes(c2pa)}; ${level} required by ${describeGlobs(requirement.globs)}`,
    remediation: passed
      ? level === 'present'
        ? NO_MANIFEST_REMEDIATION
        : manifestRemediation(REMEDIATION_CODES[level])
      : manifestRemediation(untrustedOnly ? ['signingCredential.untrusted'] : codes),
  };
}

function acceptedNames(signers: AssetRequirementSet['signers']): string[] {
  const [first, ...others] = signers.map((signer) => signer.names);
  return (first ?? []).filter((name) => others.every((list) => list.some((other) => sameName(other, name))));
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

const SIGNER_REMEDIATION =
  'Sign with a certificate issued to one of the allowed signers, or, if this signer is legitimate, add its name ' +
  "to the rule's signer list.";

/** `c2pa.signer`: a manifest that validates, signed by a certificate named (CN or organisation) in every matching list. */
export function c2paSignerFinding(asset: AssetResult, signers: AssetRequirementSet['signers']): Finding {
  const names = acceptedNames(signers);
  const expected: Expected = { operator: 'in', value: names };
  const unevaluated = notEvaluated(asset, expected);
  if (unevaluated)
    return { ...unevaluated, message: unevaluated.message.replace('C2PA manifest', 'C2PA signer') };
  const c2pa = asset.c2pa!;
  const listed = names.map((name) => `"${name}"`).join(', ') || '(none: the lists share no name)';
  const allowed = `allowed signers ${listed} (${describeGlobs(signers.map((signer) => signer.glob))})`;
  if (c2pa.outcome !== 'manifest') {
    const remote = c2pa.outcome === 'remote-manifest';
    const message = remote
      ? 'the remote manifest was not fetched: signer unknown'
      : 'no C2PA manifest, so no signer';
    const evidence = `${message}; ${allowed}`;
    return {
      outcome: remote ? 'error' : 'fail',
      message,
      expected,
      actual: null,
      evidence,
      remediation: NO_MANIFEST_REMEDIATION,
    };
  }
  const { commonName, issuer } = c2pa.signer ?? {};
  const actual = commonName ?? issuer ?? null;
  const evidence = `signer common name ${JSON.stringify(commonName ?? null)}, organisation ${JSON.stringify(issuer ?? null)}; state ${c2pa.state ?? '?'}; ${allowed}`;
  if (c2pa.state === 'Invalid') {
    const message = `the signature does not validate, so the signer ${JSON.stringify(actual)} is not proven`;
    return {
      outcome: 'fail',
      message,
      expected,
      actual,
      evidence,
      remediation: manifestRemediation(failureCodes(c2pa)),
    };
  }
  const matched = names.find((name) => sameName(name, commonName) || sameName(name, issuer));
  return {
    outcome: matched ? 'pass' : 'fail',
    message: matched
      ? `signed by ${JSON.stringify(matched)}`
      : `signer ${JSON.stringify(actual)} is not an allowed signer`,
    expected,
    actual,
    evidence,
    remediation: SIGNER_REMEDIATION,
  };
}
