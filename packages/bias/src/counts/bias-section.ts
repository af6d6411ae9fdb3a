import type {
  BiasSection,
  BiasSummary,
  ConfusionCounts,
  GroupMetrics,
  LabelCounts,
  ReferenceGroup,
  ThresholdRule,
} from '@rai-audit/core';
import { attachBootstrapIntervals } from '../uncertainty/attach-bootstrap-intervals.js';
import type { AuditSettings } from '../plan/audit-options.js';
import { bootstrapIntervals } from '../uncertainty/bootstrap.js';
import { computeDisparities } from '../metrics/disparities.js';
import { computeFairnessSummaries } from '../metrics/fairness-summaries.js';
import type { FoldedStatistics } from './fold-counts.js';
import { compareGroups } from '../metrics/group-order.js';
import {
  MISSING_GROUP,
  OVERALL_ATTRIBUTE,
  OVERALL_GROUP,
  computeDatasetGroupMetrics,
  computeGroupMetrics,
} from '../metrics/metrics.js';
import { chooseReferenceGroups, type ReferenceSpec } from '../metrics/reference-groups.js';
import { analyzeScores, scoreMetricsKey } from '../scores/score-analysis.js';
import type { GroupStatistics, ScoreBinning } from '../metrics/sufficient-statistics.js';

export { compareGroups };

export interface BiasSectionInput {
  /** The data file as the user named it; its base name goes into the title. */
  file: string;
  mode: BiasSection['mode'];
  columns: BiasSection['columns'];
  /** Attributes and intersection names (`a+b`), in report order. */
  groupings: readonly string[];
  positiveLabel: string;
  statistics: FoldedStatistics;
  settings: AuditSettings;
  references: readonly ReferenceSpec[];
  /** With a score column: its binning and how predictions were derived from it. */
  score?: { column: string; binning: ScoreBinning; rule?: ThresholdRule };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}

/** Label counts of a dataset audit's statistics (every row is "predicted" as its label there). */
const labelCountsOf = (stats: GroupStatistics): LabelCounts => ({
  positive: stats.counts.tp + stats.counts.fn,
  negative: stats.counts.tn + stats.counts.fp,
});

function groupRow(stats: GroupStatistics, overall: GroupStatistics, input: BiasSectionInput): GroupMetrics {
  const options = {
    n: stats.n,
    ...(stats.weight !== undefined ? { weight: stats.weight } : {}),
    ...(stats.values ? { values: stats.values } : {}),
    level: input.settings.level,
  };
  return input.mode === 'dataset'
    ? computeDatasetGroupMetrics(
        stats.attribute,
        stats.group,
        labelCountsOf(stats),
        labelCountsOf(overall),
        options,
      )
    : computeGroupMetrics(stats.attribute, stats.group, stats.counts, overall.counts, options);
}

/** Adds AUC, mean score, Brier score and calibration error to each row, and returns the score analysis. */
function withScores(
  rows: { overall: GroupMetrics; groups: GroupMetrics[] },
  input: BiasSectionInput,
): BiasSection['scores'] {
  const { score, statistics } = input;
  if (!score || !statistics.overallHistogram) return undefined;
  const { analysis, metrics } = analyzeScores({
    column: score.column,
    binning: score.binning,
    overall: statistics.overallHistogram,
    groups: statistics.histograms,
    ...(score.rule ? { rule: score.rule } : {}),
  });
  for (const row of [rows.overall, ...rows.groups]) {
    Object.assign(row.metrics, metrics.get(scoreMetricsKey(row.attribute, row.group)) ?? {});
  }
  return analysis;
}

interface Judged {
  groups: GroupMetrics[];
  summaries: BiasSummary[];
  references: ReferenceGroup[];
}

/** References, disparities with parity verdicts, Fairlearn-style summaries, and their bootstrap intervals. */
function judge(groups: GroupMetrics[], overall: GroupMetrics, input: BiasSectionInput): Judged {
  const { settings, groupings, statistics } = input;
  const references = chooseReferenceGroups(groups, groupings, input.references);
  const compared = computeDisparities(groups, references, {
    tau: settings.tau,
    minGroupSize: settings.minGroupSize,
  });
  const summaryMinimum = settings.summaryGroups === 'all' ? 0 : settings.minGroupSize;
  const summaries = groupings.flatMap((attribute) =>
    computeFairnessSummaries(attribute, compared, overall, summaryMinimum),
  );
  if (settings.draws === 0) return { groups: compared, summaries, references };
  const intervals = bootstrapIntervals(
    {
      overall: statistics.overall,
      groups: statistics.groups,
      references,
      attributes: groupings,
      summaryMinGroupSize: summaryMinimum,
    },
    { draws: settings.draws, seed: settings.seed, level: settings.level },
  );
  return { ...attachBootstrapIntervals(compared, summaries, intervals), references };
}

/** One group's confusion counts in the first slice's shape: `attribute` null overall, `group` null when missing. */
export interface GroupCountRow {
  attribute: string | null;
  group: string | null;
  n: number;
  counts: ConfusionCounts;
}

/** The first slice's input (one attribute level, no scores, no bootstrap): kept so tests can build small sections. */
export interface GroupCountsSectionInput {
  file: string;
  attributes: readonly string[];
  label: string;
  prediction: string;
  positiveLabel: string;
  rows: readonly GroupCountRow[];
}

function fromGroupCounts(input: GroupCountsSectionInput): BiasSectionInput {
  const overallRow = input.rows.find((row) => row.attribute === null);
  const toStatistics = (row: GroupCountRow): GroupStatistics => ({
    attribute: row.attribute ?? OVERALL_ATTRIBUTE,
    group: row.attribute === null ? OVERALL_GROUP : (row.group ?? MISSING_GROUP),
    n: row.n,
    counts: { ...row.counts },
  });
  const groups = input.attributes.flatMap((attribute) =>
    input.rows
      .filter((row) => row.attribute === attribute)
      .map(toStatistics)
      .sort((a, b) => compareGroups(a.group, b.group)),
  );
  const missingRows = Object.fromEntries(
    input.attributes.map((a) => [a, input.rows.find((r) => r.attribute === a && r.group === null)?.n ?? 0]),
  );
  return {
    file: input.file,
    mode: 'predictions',
    columns: { attributes: [...input.attributes], label: input.label, prediction: input.prediction },
    groupings: input.attributes,
    positiveLabel: input.positiveLabel,
    statistics: {
      overall: toStatistics(
        overallRow ?? { attribute: null, group: null, n: 0, counts: { tp: 0, fp: 0, tn: 0, fn: 0 } },
      ),
      groups,
      histograms: [],
      missingRows,
    },
    settings: {
      mode: 'predictions',
      tau: 0.8,
      minGroupSize: 30,
      summaryGroups: 'sufficient',
      missing: 'group',
      draws: 0,
      seed: 0,
      level: 0.95,
      scoreBins: 200,
    },
    references: [],
  };
}

/**
 * The bias section of the AuditResult from the sufficient statistics: every group's metrics (score metrics with a
 * score), reference groups, disparities and parity verdicts, summaries, bootstrap intervals and the score analysis.
 * The first slice's group-count rows are accepted too (no bootstrap), for small hand-made sections in tests.
 */
export function buildBiasSection(given: BiasSectionInput | GroupCountsSectionInput): BiasSection {
  const input = 'rows' in given ? fromGroupCounts(given) : given;
  const { statistics, settings } = input;
  const overall = groupRow(statistics.overall, statistics.overall, input);
  const groups = statistics.groups.map((stats) => groupRow(stats, statistics.overall, input));
  const scores = withScores({ overall, groups }, input);
  const judged = judge(groups, overall, input);
  return {
    kind: 'bias',
    id: 'bias',
    title: `Bias: ${baseName(input.file)}`,
    mode: input.mode,
    columns: input.columns,
    positiveLabel: input.positiveLabel,
    rows: statistics.overall.n,
    missing: input.columns.attributes.map((attribute) => ({
      attribute,
      rows: statistics.missingRows[attribute] ?? 0,
    })),
    settings: {
      tau: settings.tau,
      minGroupSize: settings.minGroupSize,
      summaryGroups: settings.summaryGroups,
      missing: settings.missing,
      bootstrap: { draws: settings.draws, seed: settings.seed, level: settings.level },
    },
    references: judged.references,
    overall,
    groups: judged.groups,
    summaries: judged.summaries,
    ...(scores ? { scores } : {}),
  };
}
