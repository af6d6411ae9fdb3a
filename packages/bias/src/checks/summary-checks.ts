import type { BiasSection, BiasSummary, BiasSummaryId, Expected } from '@rai-audit/core';
import { formatFigure, groupOf, intervalAgainstThreshold } from './check-evidence.js';
import { numberOption, type Evaluator, type Finding } from './check-finding.js';
import type { SummaryCheck } from './check-definitions.js';
import { metricLabel } from '../metrics/metric-labels.js';
import type { SummaryBasis } from '../metrics/summary-spread.js';

const NOUNS: Record<BiasSummaryId, string> = {
  demographic_parity_difference: 'demographic parity difference',
  demographic_parity_ratio: 'demographic parity ratio',
  equalized_odds_difference: 'equalized odds difference',
  equalized_odds_ratio: 'equalized odds ratio',
  equal_opportunity_difference: 'equal opportunity difference',
  equal_opportunity_ratio: 'equal opportunity ratio',
};

function summaryOf(section: BiasSection, attribute: string, id: BiasSummaryId, basis: SummaryBasis) {
  return section.summaries.find(
    (s) => s.attribute === attribute && s.summary === id && (s.basis ?? 'between-groups') === basis,
  );
}

/** "3 of 4 groups; sex=(missing) (n=25) left out, below the minimum group size of 30", when groups were left out. */
function comparedGroups(section: BiasSection, summary: BiasSummary): string {
  const groups = summary.groups;
  if (!groups || groups.leftOut.length === 0) return '';
  const named = groups.leftOut
    .map((g) => `${summary.attribute}=${g.group} (n=${formatFigure(g.n)})`)
    .join(', ');
  const minimum = section.settings?.minGroupSize;
  const why =
    minimum === undefined ? 'below the minimum group size' : `below the minimum group size of ${minimum}`;
  return `${groups.compared} of ${groups.total} groups; ${named} left out, ${why}`;
}

/** "selection rate 0.62 for sex=male (n=1204) vs 0.41 for sex=female (n=1190)", plus the overall rate to-overall. */
function spreadEvidence(section: BiasSection, summary: BiasSummary): string {
  if (!summary.highest || !summary.lowest) return summary.reason ?? 'no rates to compare';
  const describe = (entry: { group: string; value: number }): string => {
    const n = groupOf(section, summary.attribute, entry.group)?.n;
    return `${formatFigure(entry.value)} for ${summary.attribute}=${entry.group} (n=${n ?? '?'})`;
  };
  const label = metricLabel(summary.metric);
  const overall = section.overall.metrics[summary.metric]?.value;
  const toOverall =
    summary.basis === 'to-overall' && typeof overall === 'number' ? `; overall ${formatFigure(overall)}` : '';
  return `${label} ${describe(summary.highest)} vs ${describe(summary.lowest)}${toOverall}`;
}

function remediation(summary: BiasSummaryId, attribute: string, lowest: string): string {
  if (summary === 'demographic_parity_ratio') {
    return (
      `Find out why ${attribute}=${lowest} is selected less often: compare label base rates per group, look for ` +
      `features that stand in for ${attribute}, then retrain, reweigh or recalibrate and audit again.`
    );
  }
  if (summary === 'demographic_parity_difference') {
    return (
      `Compare the selection rates of the groups of ${attribute} with their label base rates (prevalence): a gap ` +
      'the base rates do not explain points at the model or at features that stand in for the attribute.'
    );
  }
  if (summary === 'equal_opportunity_difference' || summary === 'equal_opportunity_ratio') {
    return (
      `Actual positives of ${attribute}=${lowest} are recognised less often (lower TPR): check label quality and ` +
      'feature coverage for that group, consider more training data for it or a group-aware threshold (see the ' +
      'threshold sweep when a score is given), and audit again.'
    );
  }
  return (
    `Error rates differ across ${attribute}: read the TPR and FPR columns to see which groups are missed or ` +
    'wrongly flagged, check label quality per group, consider group-aware thresholds or a post-processing step ' +
    "such as Fairlearn's ThresholdOptimizer, and audit again."
  );
}

function notComputed(section: BiasSection, attribute: string, noun: string, expected: Expected): Finding {
  const why =
    section.mode === 'dataset' ? 'a dataset audit has no predictions' : 'the section has no such summary';
  return {
    passed: 'not-applicable',
    expected,
    actual: null,
    subject: { attribute },
    message: `${attribute}: ${noun} is not computed in this audit (${why})`,
    evidence: why,
    remediation: `Give the prediction column (and the label) to compute the ${noun}.`,
  };
}

/** The evaluator of a summary check: the summary of the requested basis against `max` or `min`. */
export function summaryEvaluator(check: SummaryCheck): Evaluator {
  return (section, attribute, options) => {
    const basis: SummaryBasis = options.basis === 'to-overall' ? 'to-overall' : 'between-groups';
    const noun = NOUNS[check.summary] + (basis === 'to-overall' ? ' to overall' : '');
    const threshold = numberOption(options, check.bound, check.bound === 'max' ? 0.1 : 0.8);
    const expected: Expected = { operator: check.bound === 'max' ? '<=' : '>=', value: threshold };
    const summary = summaryOf(section, attribute, check.summary, basis);
    if (!summary) return [notComputed(section, attribute, noun, expected)];
    const value = summary.value;
    const passed =
      value === null ? undefined : check.bound === 'max' ? value <= threshold : value >= threshold;
    const verb = check.bound === 'max' ? (passed ? 'at most' : 'above') : passed ? 'at least' : 'below';
    const interval = summary.interval ? `; ${intervalAgainstThreshold(summary.interval, threshold)}` : '';
    return [
      {
        passed,
        expected,
        actual: value,
        subject: { attribute, metric: summary.metric },
        message:
          value === null
            ? `${attribute}: ${noun} is undefined (${summary.reason ?? 'not computed'})`
            : `${attribute}: ${noun} ${formatFigure(value)} is ${verb} ${threshold}`,
        evidence: [spreadEvidence(section, summary) + interval, comparedGroups(section, summary)]
          .filter(Boolean)
          .join('; '),
        remediation: remediation(check.summary, attribute, summary.lowest?.group ?? 'the lowest group'),
      },
    ];
  };
}
