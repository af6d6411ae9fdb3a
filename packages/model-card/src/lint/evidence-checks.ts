import type { CardDataRecord, EvaluationRecord, ModelCardSource } from '@rai-audit/core';
import { sliceName } from '../evaluation/result-tables.js';
import { CARD_CHECKS } from './check-definitions.js';
import type { CardFinding } from './card-finding.js';

/** Every group of every attribute the factors name: a metric with n and an interval. */
export function subgroupFindings(card: ModelCardSource, records: readonly EvaluationRecord[]): CardFinding[] {
  const factors = card.factors?.relevant ?? [];
  return factors.flatMap((factor) => {
    const ofAttribute = records.filter(
      (r) => r.subgroup.length === 1 && r.subgroup[0]?.attribute === factor.attribute,
    );
    const groups = factor.groups?.length
      ? factor.groups
      : [...new Set(ofAttribute.map((r) => r.subgroup[0]?.value ?? ''))];
    if (groups.length === 0) {
      return [
        {
          id: CARD_CHECKS.subgroupMetrics,
          outcome: 'fail' as const,
          message: `no audit reports metrics for ${factor.attribute}`,
          subject: { attribute: factor.attribute, field: 'factors.relevant' },
          remediation: `Audit the model by ${factor.attribute} (rai-audit bias … -a ${factor.attribute}) and pass the result with --bias`,
        },
      ];
    }
    return groups.map((group): CardFinding => {
      const found = ofAttribute.filter((r) => r.subgroup[0]?.value === group);
      const complete = found.filter((r) => r.value !== null && r.interval !== undefined);
      const ok = complete.length > 0;
      return {
        id: CARD_CHECKS.subgroupMetrics,
        outcome: ok ? 'pass' : 'fail',
        message: ok
          ? `${factor.attribute}=${group}: ${complete.length} metric(s) with n=${complete[0]?.n} and intervals`
          : found.length === 0
            ? `${factor.attribute}=${group}: no metric from any audit`
            : `${factor.attribute}=${group}: metrics without a confidence interval`,
        subject: { attribute: factor.attribute, group, field: 'factors.relevant' },
        actual: complete.length,
        expected: { operator: '>=', value: 1 },
        remediation: `Pass a bias audit of ${factor.attribute} that includes ${group} with --bias`,
      };
    });
  });
}

/** Groups smaller than minGroupSize, whose metrics are too uncertain to carry a finding. */
export function smallGroupFindings(
  records: readonly EvaluationRecord[],
  minGroupSize: number,
): CardFinding[] {
  const seen = new Map<string, EvaluationRecord>();
  for (const r of records) if (r.subgroup.length > 0) seen.set(`${r.source}\u0000${sliceName(r)}`, r);
  return [...seen.values()].map((r) => {
    const small = r.smallGroup === true || r.n < minGroupSize;
    return {
      id: CARD_CHECKS.smallGroups,
      outcome: small ? 'fail' : 'pass',
      message: small
        ? `${sliceName(r)} has n=${r.n}, under ${minGroupSize}: its metrics are not reliable`
        : `${sliceName(r)}: n=${r.n}`,
      subject: {
        attribute: r.subgroup.map((p) => p.attribute).join('+'),
        group: r.subgroup.map((p) => p.value).join('|'),
      },
      actual: r.n,
      expected: { operator: '>=', value: minGroupSize },
      evidence: `${r.source}`,
      remediation: 'Collect more evaluation data for the group, or report its metrics as indicative only',
    };
  });
}

/**
 * A metric is stale when the data it was computed on is no longer the data: the file's sha256 now (`current`:
 * null when the file is gone, absent when it was not looked at) or the provenance/card record differs from the audit's.
 */
export function staleFindings(
  records: readonly EvaluationRecord[],
  data: readonly CardDataRecord[],
  current: ReadonlyMap<string, string | null>,
): CardFinding[] {
  const files = new Map<string, { path: string; sha256: string; source: string }>();
  for (const r of records)
    if (r.dataset) files.set(`${r.source}\u0000${r.dataset.path}`, { ...r.dataset, source: r.source });
  return [...files.values()].map((file): CardFinding => {
    const now = current.get(file.path);
    const recorded = data.find((d) => d.path === file.path && d.sha256);
    const problems = [
      now === null ? `${file.path} no longer exists` : '',
      now && now !== file.sha256
        ? `${file.path} has changed since the audit (sha256 now ${now.slice(0, 12)}…, audited ${file.sha256.slice(0, 12)}…)`
        : '',
      recorded?.sha256 && recorded.sha256 !== file.sha256
        ? `the ${recorded.origin} record of ${file.path} has sha256 ${recorded.sha256.slice(0, 12)}…, the audit ${file.sha256.slice(0, 12)}…`
        : '',
    ].filter(Boolean);
    const checked = now !== undefined || recorded !== undefined;
    return {
      id: CARD_CHECKS.staleMetrics,
      outcome: problems.length > 0 ? 'fail' : checked ? 'pass' : 'not-applicable',
      message:
        problems.length > 0
          ? `stale metrics from ${file.source}: ${problems.join('; ')}`
          : checked
            ? `${file.path} is the data ${file.source} measured`
            : `${file.path}: neither the file nor a record of it to compare with`,
      subject: { file: file.path },
      actual: now ?? null,
      expected: { operator: '==', value: file.sha256 },
      evidence: `${file.source} measured sha256 ${file.sha256}`,
      remediation: 'Re-run the bias audit on the current data and build the card again',
    };
  });
}
