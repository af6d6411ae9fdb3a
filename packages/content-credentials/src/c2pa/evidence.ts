/**
 * The C2PA evidence for one asset: plain data (JSON-serialisable, no class instances), so that it can cross a
 * worker-thread boundary and be written into an AuditResult section unchanged.
 */

/** c2pa-rs ValidationState: Valid tolerates `signingCredential.untrusted`; Trusted needs a trust anchor. */
export type ValidationState = 'Invalid' | 'Valid' | 'Trusted';

/** One status entry as c2pa-rs reports it: a code from the C2PA specification and the library's explanation. */
export interface ValidationStatusEntry {
  readonly code: string;
  readonly explanation: string | null;
  /** JUMBF URI of the manifest part the status is about. */
  readonly url: string | null;
}

export interface ValidationStatusGroups {
  readonly success: readonly ValidationStatusEntry[];
  readonly informational: readonly ValidationStatusEntry[];
  readonly failure: readonly ValidationStatusEntry[];
}

/** Status of an ingredient's manifest, as validated when the asset was read (c2pa-rs "ingredient deltas"). */
export interface IngredientValidationDelta extends ValidationStatusGroups {
  /** JUMBF URI of the ingredient assertion in the active manifest. */
  readonly ingredientAssertionUri: string;
}

export interface ContentCredentialsValidation {
  readonly state: ValidationState;
  readonly activeManifest: ValidationStatusGroups;
  readonly ingredientDeltas: readonly IngredientValidationDelta[];
  /** The flat `validation_status` list c2pa-rs reports alongside (failures of the active manifest and deltas). */
  readonly status: readonly ValidationStatusEntry[];
}

export interface SignerEvidence {
  readonly issuer: string | null;
  readonly commonName: string | null;
  readonly algorithm: string | null;
  readonly certSerialNumber: string | null;
  /** Signing time (RFC 3339) from a trusted timestamp, or null when the signature carries none. */
  readonly time: string | null;
}

export interface ActionEvidence {
  /** Label of the actions assertion it came from (`c2pa.actions` or `c2pa.actions.v2`, maybe with `__n`). */
  readonly assertion: string;
  readonly action: string;
  /** The value as written in the manifest (not normalised; see declaration/ for that). */
  readonly digitalSourceType: string | null;
  readonly softwareAgent: string | null;
  readonly when: string | null;
}

export interface SoftBindingEvidence {
  readonly assertion: string;
  readonly alg: string | null;
  readonly value: string | null;
}

export interface IngredientEvidence {
  readonly title: string | null;
  readonly format: string | null;
  readonly relationship: string | null;
  /** Label of the ingredient's own manifest in the store, when it carried one. */
  readonly manifestLabel: string | null;
}

export interface ClaimGeneratorEvidence {
  readonly name: string;
  readonly version: string | null;
}

export interface ManifestEvidence {
  readonly label: string;
  /** `active` for the asset's own manifest; `ingredient` for a manifest reached through its ingredients. */
  readonly role: 'active' | 'ingredient';
  /** 0 for the active manifest, 1 for its ingredients' manifests, and so on. */
  readonly depth: number;
  readonly title: string | null;
  readonly format: string | null;
  /** `claim_generator` (claims v1), or the name of the first `claim_generator_info` entry (v2). */
  readonly claimGenerator: string | null;
  readonly claimGeneratorInfo: readonly ClaimGeneratorEvidence[];
  readonly signer: SignerEvidence;
  readonly actions: readonly ActionEvidence[];
  readonly ingredients: readonly IngredientEvidence[];
  readonly softBindings: readonly SoftBindingEvidence[];
}

/** The settings a read ran with, so that a result says what it depends on. */
export interface ReadSettingsEvidence {
  readonly trustAnchors: boolean;
  readonly remoteManifestFetch: boolean;
  /** The time the signatures were validated as of (ISO 8601), or null for the system clock. */
  readonly at: string | null;
}

export type ReadErrorKind =
  'empty' | 'unsupported-type' | 'corrupt' | 'remote-fetch-failed' | 'bad-settings' | 'unreadable';

interface EvidenceBase {
  readonly mediaType: string;
  readonly settings: ReadSettingsEvidence;
}

/** A manifest store was read (embedded, or fetched from `remoteUrl` when the network was allowed). */
export interface ManifestEvidenceResult extends EvidenceBase {
  readonly outcome: 'manifest';
  readonly location: 'embedded' | 'remote';
  readonly remoteUrl: string | null;
  readonly activeManifestLabel: string;
  readonly validation: ContentCredentialsValidation;
  /** The active manifest first, then the ingredient manifests in the order they were reached. */
  readonly manifests: readonly ManifestEvidence[];
  /** Manifests in the store, including any that no ingredient references. */
  readonly manifestCount: number;
}

export interface NoManifestResult extends EvidenceBase {
  readonly outcome: 'no-manifest';
  readonly reason: string;
}

/** The asset points to a manifest stored elsewhere; it was not fetched (no network unless allowed). */
export interface RemoteManifestResult extends EvidenceBase {
  readonly outcome: 'remote-manifest';
  readonly remoteUrl: string;
  readonly fetched: false;
  readonly reason: string;
}

export interface ReadErrorResult extends EvidenceBase {
  readonly outcome: 'error';
  readonly errorKind: ReadErrorKind;
  readonly reason: string;
  /** The library's own message, verbatim, for a bug report. */
  readonly libraryMessage: string | null;
}

export type ContentCredentialsEvidence =
  ManifestEvidenceResult | NoManifestResult | RemoteManifestResult | ReadErrorResult;
