import type {
  CardDataRecord,
  Check,
  EvaluationRecord,
  ModelCardSource,
  ResolvedPolicy,
} from '@rai-audit/core';
import type { ModelIndex } from '../hub/readme-front-matter.js';
import { toCardCheck, type CardFinding } from './card-finding.js';
import { CARD_CHECKS, modelCardCheckDefinitions } from './check-definitions.js';
import { contentFindings } from './content-checks.js';
import { smallGroupFindings, staleFindings, subgroupFindings } from './evidence-checks.js';
import {
  hubLicenseFinding,
  licenseConflictFindings,
  modelIndexFindings,
  outputTermsLicenseFindings,
} from './license-checks.js';

export interface LintInput {
  card: ModelCardSource;
  records: readonly EvaluationRecord[];
  data: readonly CardDataRecord[];
  currentDigests: ReadonlyMap<string, string | null>;
  modelIndex: ModelIndex;
  policy: ResolvedPolicy;
}

/** Every lint finding of the card as Checks, at the levels the policy gives them. */
export function lintCard(input: LintInput): Check[] {
  const { card, records, data, policy } = input;
  const smallOptions = policy.checks[CARD_CHECKS.smallGroups]?.options as
    { minGroupSize?: number } | undefined;
  const minGroupSize = card.quantitativeAnalyses?.minGroupSize ?? smallOptions?.minGroupSize ?? 30;
  const findings: CardFinding[] = [
    ...contentFindings(card, records.length > 0),
    ...subgroupFindings(card, records),
    ...smallGroupFindings(records, minGroupSize),
    ...staleFindings(records, data, input.currentDigests),
    ...licenseConflictFindings(card, data),
    outputTermsLicenseFindings(card, data),
    hubLicenseFinding(card),
    ...modelIndexFindings(input.modelIndex.results, input.modelIndex.dropped),
  ];
  const defaults = new Map(modelCardCheckDefinitions.map((d) => [d.id, d.defaultLevel]));
  return findings.flatMap((finding) => {
    const level = policy.checks[finding.id]?.level ?? defaults.get(finding.id) ?? 'warn';
    const check = toCardCheck(finding, level);
    return check ? [check] : [];
  });
}
