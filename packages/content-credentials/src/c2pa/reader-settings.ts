import { X509Certificate } from 'node:crypto';
import { InputError } from '@rai-audit/core';

export interface ReaderSettingsInput {
  /** PEM text of one or more CA certificates; a signer chaining to one of them reads as Trusted. */
  readonly trustAnchorsPem?: string;
  /** Let the reader fetch a manifest that the asset only references by URL. */
  readonly remoteManifestFetch: boolean;
}

/**
 * The c2pa-rs context settings (JSON) for a read. OCSP fetching stays off in every case: `--allow-network`
 * is about remote manifests only, and a revocation answer would make a result depend on the day it ran.
 * c2pa-rs 0.92 (c2pa-wasm 0.15.0) has no setting for the validation time: `verify` offers verify_trust,
 * verify_timestamp_trust, ocsp_fetch, remote_manifest_fetch and others, none of them a clock, which is why
 * the runtime adapter fixes the clock instead.
 */
export function buildReaderContext(input: ReaderSettingsInput): string {
  const trust = input.trustAnchorsPem ? { trust: { trust_anchors: input.trustAnchorsPem } } : {};
  return JSON.stringify({
    verify: { remote_manifest_fetch: input.remoteManifestFetch, ocsp_fetch: false },
    ...trust,
  });
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Checks trust-anchor PEM text (for `--trust FILE.pem`) and returns its certificate blocks joined, one per
 * line group. Throws InputError naming the file when it holds no certificate or a block does not parse:
 * c2pa-rs would otherwise reject every read, or silently ignore a damaged anchor.
 */
export function parseTrustAnchorsPem(pem: string, file = 'trust anchors'): string {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new InputError('no PEM certificate found (expected -----BEGIN CERTIFICATE----- blocks)', {
      file,
      hint: 'give a PEM file of CA certificates, for example the root CA that signed your assets',
    });
  }
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new InputError(`certificate ${index + 1} of ${blocks.length} does not parse`, {
        file,
        location: `certificate ${index + 1}`,
        hint: 'replace the damaged block with the PEM text of the certificate',
        cause: error,
      });
    }
  });
  return `${blocks.join('\n')}\n`;
}
