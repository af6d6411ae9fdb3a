import { readManifestStoreJson } from './c2pa-wasm-runtime.js';
import type { ContentCredentialsEvidence, ReadErrorKind, ReadSettingsEvidence } from './evidence.js';
import { countManifests, walkManifests } from './manifest-store.js';
import { classifyReaderError, type ReaderFailure } from './reader-errors.js';
import { buildReaderContext } from './reader-settings.js';
import { asRecord, stringField, type JsonRecord } from './untyped-json.js';
import { readValidation } from './validation-results.js';

export interface ReadContentCredentialsOptions {
  /** The asset's media type, from `detectMediaType` (content, not extension). */
  readonly mimeType: string;
  /** PEM text of the trust anchors (see `parseTrustAnchorsPem`). */
  readonly trustAnchorsPem?: string;
  /** Fetch a manifest that the asset only references by URL; off by default (no network). */
  readonly allowNetwork?: boolean;
  /**
   * Validate signatures as of this time instead of now, so that a result does not change as certificates expire.
   * The thread's clock is fixed for the length of the read; with `allowNetwork` that includes a remote fetch, during
   * which other code on the same thread also sees the fixed time (run reads in worker threads).
   */
  readonly at?: Date;
}

type ReadAttempt = { readonly store: JsonRecord } | { readonly failure: ReaderFailure };

async function attemptRead(
  bytes: Uint8Array,
  options: ReadContentCredentialsOptions,
  fetch: boolean,
): Promise<ReadAttempt> {
  const context = buildReaderContext({
    trustAnchorsPem: options.trustAnchorsPem,
    remoteManifestFetch: fetch,
  });
  try {
    const json = await readManifestStoreJson(options.mimeType, bytes, context, options.at);
    const store = asRecord(JSON.parse(json));
    if (store) return { store };
    return { failure: classifyReaderError('InvalidAsset("manifest store is not a JSON object")') };
  } catch (error) {
    return { failure: classifyReaderError(error) };
  }
}

function errorEvidence(
  base: { mediaType: string; settings: ReadSettingsEvidence },
  errorKind: ReadErrorKind,
  reason: string,
  libraryMessage: string | null,
): ContentCredentialsEvidence {
  return { ...base, outcome: 'error', errorKind, reason, libraryMessage };
}

function storeEvidence(
  base: { mediaType: string; settings: ReadSettingsEvidence },
  store: JsonRecord,
  remoteUrl: string | null,
): ContentCredentialsEvidence {
  const activeLabel = stringField(store, 'active_manifest');
  if (activeLabel === null) {
    return errorEvidence(base, 'corrupt', 'the manifest store names no active manifest', null);
  }
  return {
    ...base,
    outcome: 'manifest',
    location: remoteUrl === null ? 'embedded' : 'remote',
    remoteUrl,
    activeManifestLabel: activeLabel,
    validation: readValidation(store),
    manifests: walkManifests(store, activeLabel),
    manifestCount: countManifests(store),
  };
}

function failureEvidence(
  base: { mediaType: string; settings: ReadSettingsEvidence },
  failure: ReaderFailure,
): ContentCredentialsEvidence {
  if (failure.kind === 'no-manifest') {
    return { ...base, outcome: 'no-manifest', reason: 'no C2PA manifest is embedded in the asset' };
  }
  if (failure.kind === 'remote-manifest') {
    const reason = `the asset references a remote manifest at ${failure.url}; not fetched (network not allowed)`;
    return { ...base, outcome: 'remote-manifest', remoteUrl: failure.url, fetched: false, reason };
  }
  return errorEvidence(base, failure.errorKind, failure.reason, failure.libraryMessage);
}

/**
 * Reads and validates the C2PA manifest store of an asset. Never throws for the asset's sake: a missing, remote,
 * damaged or unsupported manifest becomes evidence with a reason. A remote manifest is fetched only when
 * `allowNetwork` is set; the first read never touches the network, so the URL is known either way.
 */
export async function readContentCredentials(
  bytes: Uint8Array,
  options: ReadContentCredentialsOptions,
): Promise<ContentCredentialsEvidence> {
  const settings: ReadSettingsEvidence = {
    trustAnchors: Boolean(options.trustAnchorsPem),
    remoteManifestFetch: options.allowNetwork ?? false,
    at: options.at && !Number.isNaN(options.at.getTime()) ? options.at.toISOString() : null,
  };
  const base = { mediaType: options.mimeType, settings };
  if (options.at && settings.at === null)
    return errorEvidence(base, 'bad-settings', 'the `at` time is invalid', null);
  if (bytes.length === 0) return errorEvidence(base, 'empty', 'the asset is empty (0 bytes)', null);

  const local = await attemptRead(bytes, options, false);
  if ('store' in local) return storeEvidence(base, local.store, null);
  if (local.failure.kind !== 'remote-manifest' || !options.allowNetwork)
    return failureEvidence(base, local.failure);

  const remoteUrl = local.failure.url;
  const fetched = await attemptRead(bytes, options, true);
  if ('store' in fetched) return storeEvidence(base, fetched.store, remoteUrl);
  const evidence = failureEvidence(base, fetched.failure);
  return evidence.outcome === 'error'
    ? { ...evidence, reason: `${evidence.reason} (${remoteUrl})` }
    : evidence;
}
