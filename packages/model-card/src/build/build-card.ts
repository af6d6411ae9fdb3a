import type {
  Check,
  EvaluationRecord,
  ModelCardSection,
  ModelCardSource,
  ResolvedPolicy,
  RunWarning,
} from '@rai-audit/core';
import { parseLicenseExpression } from '@rai-audit/core';
import { buildMlBom } from '../cyclonedx/ml-bom.js';
import { cardDataRecords, type ProvenanceDataset } from '../data/card-data.js';
import {
  chartData,
  DEFAULT_MEASURES,
  evaluationRecords,
  type AuditSource,
} from '../evaluation/evaluation-records.js';
import { renderReadmeBody } from '../hub/readme-body.js';
import { hubFrontMatter, modelIndexResults, renderFrontMatter } from '../hub/readme-front-matter.js';
import { lintCard } from '../lint/lint-card.js';

export interface CardBuildInput {
  card: ModelCardSource;
  audits: readonly AuditSource[];
  provenance: readonly ProvenanceDataset[];
  /** sha256 of each audited data file as it is now (null: gone); paths as the audits name them. */
  currentDigests: ReadonlyMap<string, string | null>;
  policy: ResolvedPolicy;
  tool: { name: string; version: string };
  createdAt: string;
}

export interface CardBuild {
  section: ModelCardSection;
  checks: Check[];
  warnings: RunWarning[];
  readme: string;
  bom: Record<string, unknown>;
}

export const CARD_OUTPUT_FILES = {
  readme: 'README.md',
  bom: 'bom.cdx.json',
  html: 'model-card.html',
} as const;

/** The whole card from its source and the audits: records, data, the lint, the Hub README and the ML-BOM. */
export function buildCard(input: CardBuildInput): CardBuild {
  const { card } = input;
  const records: EvaluationRecord[] = evaluationRecords(
    input.audits,
    card.metrics?.measures ?? DEFAULT_MEASURES,
  );
  const data = cardDataRecords(card, input.provenance, records);
  const modelIndex = modelIndexResults(card, records);
  const checks = lintCard({
    card,
    records,
    data,
    currentDigests: input.currentDigests,
    modelIndex,
    policy: input.policy,
  });
  const readme = `${renderFrontMatter(hubFrontMatter(card, records))}\n${renderReadmeBody(card, records, data)}`;
  const bom = buildMlBom({
    card,
    records,
    data,
    tool: input.tool,
    createdAt: input.createdAt,
    isSpdxExpression: (license) => parseLicenseExpression(license).ok,
  });
  const warnings: RunWarning[] =
    input.audits.length === 0
      ? [
          {
            code: 'card.no-audits',
            message: 'no bias audit given (--bias): the card has no quantitative analyses',
          },
        ]
      : [];
  return {
    section: {
      kind: 'model-card',
      id: 'model-card',
      title: `Model card: ${card.model.name}`,
      card,
      evaluations: records,
      charts: chartData(input.audits),
      data,
      outputs: [CARD_OUTPUT_FILES.readme, CARD_OUTPUT_FILES.bom, CARD_OUTPUT_FILES.html],
    },
    checks,
    warnings,
    readme,
    bom,
  };
}
