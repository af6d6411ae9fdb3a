/** What a marked asset says about itself: its AI declaration, who made and owns it, and how it may be used. */
export type TrainingMiningUse = 'allowed' | 'notAllowed' | 'constrained';

export const TRAINING_MINING_USES: readonly TrainingMiningUse[] = ['allowed', 'notAllowed', 'constrained'];

export interface OwnershipTerms {
  readonly title?: string;
  readonly author?: string;
  readonly copyrightHolder?: string;
  /** An SPDX licence identifier or expression, or a URL. */
  readonly license?: string;
  readonly trainingMining?: TrainingMiningUse;
}

/** The licence as a URL: SPDX identifiers point at their spdx.org page; URLs stay as given. */
export function licenseUrl(license: string): string {
  return /^https?:\/\//i.test(license)
    ? license
    : `https://spdx.org/licenses/${encodeURIComponent(license)}.html`;
}

/**
 * The CAWG training-and-data-mining assertion (`cawg.training-mining`): one use for each of AI training,
 * generative AI training, AI inference and data mining. C2PA 2.x moved this assertion from `c2pa.training-mining`
 * to the CAWG; c2pa-rs 0.92 validates neither label's content, and readers (c2pa-ts, for one) know both.
 */
export function trainingMiningAssertion(use: TrainingMiningUse): { label: string; data: unknown } {
  const entry = { use, ...(use === 'constrained' ? { constraint_info: 'see the licence' } : {}) };
  return {
    label: 'cawg.training-mining',
    data: {
      entries: {
        'cawg.ai_training': entry,
        'cawg.ai_generative_training': entry,
        'cawg.ai_inference': entry,
        'cawg.data_mining': entry,
      },
    },
  };
}

/**
 * Author, copyright holder and licence as a schema.org `CreativeWork` assertion (`stds.schema-org.CreativeWork`):
 * the one ownership assertion c2pa-rs 0.92 decodes into a typed structure, so it refuses a malformed one when
 * signing (unlike `c2pa.metadata` and `cawg.metadata`, whose fields it does not check).
 */
export function creativeWorkAssertion(terms: OwnershipTerms): { label: string; data: unknown } | undefined {
  if (!terms.author && !terms.copyrightHolder && !terms.license) return undefined;
  return {
    label: 'stds.schema-org.CreativeWork',
    data: {
      '@context': 'http://schema.org/',
      '@type': 'CreativeWork',
      ...(terms.author ? { author: [{ '@type': 'Person', name: terms.author }] } : {}),
      ...(terms.copyrightHolder
        ? { copyrightHolder: { '@type': 'Organization', name: terms.copyrightHolder } }
        : {}),
      ...(terms.license ? { license: licenseUrl(terms.license) } : {}),
    },
  };
}

/** PLUS `DataMining` values (http://ns.useplus.org/ldf/vocab/) for each use. */
export const PLUS_DATA_MINING: Readonly<Record<TrainingMiningUse, string>> = {
  allowed: 'http://ns.useplus.org/ldf/vocab/DMI-ALLOWED',
  notAllowed: 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED',
  constrained: 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEECONSTRAINT',
};
