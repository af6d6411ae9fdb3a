import { InputError, UsageError, type BiasSection, type ThresholdRule } from '@rai-audit/core';
import type { AuditSettings } from '../plan/audit-options.js';
import { buildBiasSection } from './bias-section.js';
import { rowsOutsideBinning, type CountCell, type CountsTable } from './counts-table.js';
import { foldCounts, type FoldedStatistics } from './fold-counts.js';
import { groupingName, type GroupingPlan } from '../plan/grouping-plan.js';
import { OVERALL_ATTRIBUTE, groupNameOf } from '../metrics/metrics.js';
import {
  classifyOutcome,
  outcomeOf,
  profileOutcomeValues,
  type OutcomeClassification,
} from '../plan/outcome-encoding.js';
import type { ReferenceSpec } from '../metrics/reference-groups.js';
import type { ResolvedColumns } from '../plan/resolve-columns.js';

/** What the counts alone do not say: the columns' names, the groupings, the settings and how predictions were made. */
export interface CountsAuditContext {
  /** The data (or counts) file as messages name it. */
  file: string;
  columns: ResolvedColumns;
  plan: GroupingPlan;
  settings: AuditSettings;
  positiveLabel?: string;
  references: readonly ReferenceSpec[];
  /** How predictions were derived from the score; per-group rules list only the thresholds the user gave. */
  rule?: ThresholdRule;
  /** For per-group thresholds: the attribute and the threshold of the groups not listed. */
  perGroup?: { attribute: string; fallback?: number };
}

/** The context of a counts audit from the run's options and its prediction plan (direct audit and --from-counts alike). */
export function countsAuditContext(
  base: Pick<CountsAuditContext, 'file' | 'columns' | 'plan' | 'settings'>,
  options: { positiveLabel?: string; references?: readonly ReferenceSpec[] },
  predictions: Pick<CountsAuditContext, 'rule' | 'perGroup'>,
): CountsAuditContext {
  return {
    ...base,
    ...(options.positiveLabel !== undefined ? { positiveLabel: options.positiveLabel } : {}),
    references: options.references ?? [],
    ...(predictions.rule ? { rule: predictions.rule } : {}),
    ...(predictions.perGroup ? { perGroup: predictions.perGroup } : {}),
  };
}

/** The audit of a counts table: the section, the statistics it came from, and how the outcomes were read. */
export interface CountsAuditResult {
  section: BiasSection;
  statistics: FoldedStatistics;
  outcomes: { label: OutcomeClassification; prediction?: OutcomeClassification };
}

const overallCells = (table: CountsTable): CountCell[] =>
  table.cells.filter((c) => c.grouping === OVERALL_ATTRIBUTE);

function sumRows(cells: readonly CountCell[], keep: (cell: CountCell) => boolean): number {
  return cells.reduce((sum, cell) => (keep(cell) ? sum + cell.n : sum), 0);
}

function assertScores(table: CountsTable, context: CountsAuditContext): void {
  const column = context.columns.score;
  if (column === undefined) return;
  // The binning covers every finite score (the range came from the data), so what lies outside it is NaN or ±∞.
  const outside = rowsOutsideBinning(table);
  if (outside > 0) {
    throw new InputError(
      `the score column "${column}" holds ${outside} values that are not finite numbers (NaN or infinity)`,
      {
        file: context.file,
        hint: 'Every score must be a finite number; fix or drop those rows',
      },
    );
  }
  const empty = sumRows(overallCells(table), (cell) => cell.scoreBin === null || cell.scoreBin === undefined);
  if (empty > 0) {
    throw new InputError(`the score column "${column}" has ${empty} empty values`, {
      file: context.file,
      hint: 'Every row needs a score: fill in or drop the rows without one',
    });
  }
}

function assertWeights(table: CountsTable, context: CountsAuditContext): void {
  const column = context.columns.weight;
  if (column === undefined) return;
  const cells = overallCells(table);
  const smallest = Math.min(...cells.map((cell) => cell.weightMin ?? 0));
  if (smallest < 0) {
    throw new InputError(`the weight column "${column}" has negative values (the smallest is ${smallest})`, {
      file: context.file,
      hint: 'Weights must be non-negative numbers',
    });
  }
  const invalid = cells.reduce((sum, cell) => sum + cell.n - (cell.weightRows ?? cell.n), 0);
  if (invalid > 0) {
    throw new InputError(
      `the weight column "${column}" has ${invalid} rows without a valid weight (empty, NaN or infinite)`,
      {
        file: context.file,
        hint: 'Every row needs a finite, non-negative weight: fill in or drop the rows without one',
      },
    );
  }
}

/** --thresholds must name groups that exist, and cover every group unless --threshold gives the rest a cut-off. */
function assertThresholdsCoverGroups(table: CountsTable, context: CountsAuditContext): void {
  const perGroup = context.perGroup;
  const rule = context.rule;
  if (!perGroup || rule?.kind !== 'per-group') return;
  const cells = table.cells.filter((cell) => cell.grouping === perGroup.attribute);
  const groups = new Set(cells.map((cell) => groupNameOf(cell.values[0])));
  const unknown = Object.keys(rule.thresholds).filter((group) => !groups.has(group));
  if (unknown.length > 0) {
    throw new UsageError(
      `--thresholds names ${unknown.map((g) => `${perGroup.attribute}=${g}`).join(', ')}, which the data does not have`,
      {
        hint: `The groups of ${perGroup.attribute} are: ${[...groups].sort().join(', ')}`,
      },
    );
  }
  if (perGroup.fallback !== undefined) return;
  const uncovered = new Set(
    cells
      .filter((cell) => cell.prediction === null || cell.prediction === undefined)
      .map((cell) => groupNameOf(cell.values[0])),
  );
  if (uncovered.size > 0) {
    throw new UsageError(
      `--thresholds gives no threshold for ${perGroup.attribute}=${[...uncovered].sort().join(', ')}`,
      {
        hint: 'Add them to --thresholds, or give --threshold T as the threshold of the groups not listed',
      },
    );
  }
}

function classify(table: CountsTable, context: CountsAuditContext): CountsAuditResult['outcomes'] {
  const cells = overallCells(table);
  const entries = (pick: (cell: CountCell) => unknown) =>
    cells.map((cell) => ({ value: pick(cell), count: cell.n }));
  const labelProfile = profileOutcomeValues(
    'label',
    context.columns.label,
    table.labelType,
    entries((c) => c.label),
  );
  const label = classifyOutcome(labelProfile, context.file, context.positiveLabel);
  if (table.predictionType === undefined) return { label };
  const derived = context.rule !== undefined;
  const name = context.columns.prediction ?? `${context.columns.score ?? 'score'} (thresholded)`;
  const profile = profileOutcomeValues(
    'prediction',
    name,
    table.predictionType,
    entries((c) => c.prediction),
  );
  // A prediction derived from the score is 1/0 by construction; --positive-label speaks of the label only then.
  return {
    label,
    prediction: classifyOutcome(profile, context.file, derived ? undefined : context.positiveLabel),
  };
}

function missingRows(table: CountsTable, attribute: string): number {
  return sumRows(table.cells, (cell) => cell.grouping === attribute && cell.values[0] === null);
}

function assertAttributeValues(table: CountsTable, context: CountsAuditContext, rows: number): void {
  for (const attribute of context.plan.attributes) {
    const missing = missingRows(table, attribute);
    if (missing === rows) {
      throw new InputError(`the attribute column "${attribute}" has no values: all ${rows} rows are empty`, {
        file: context.file,
        hint: 'Check the column name, or audit another attribute',
      });
    }
    if (missing > 0 && context.settings.missing === 'error') {
      throw new InputError(
        `the attribute column "${attribute}" has ${missing} empty values (--missing error)`,
        {
          file: context.file,
          hint: 'Fill them in, or use --missing group (their own group) or --missing drop',
        },
      );
    }
  }
}

/** The per-group rule with a threshold for every group of its attribute: given, or the fallback. */
function completeRule(
  rule: ThresholdRule | undefined,
  statistics: FoldedStatistics,
  context: CountsAuditContext,
): ThresholdRule | undefined {
  if (rule?.kind !== 'per-group' || !context.perGroup) return rule;
  const { attribute, fallback } = context.perGroup;
  const thresholds: Record<string, number> = {};
  for (const group of statistics.groups.filter((g) => g.attribute === attribute)) {
    const given = rule.thresholds[group.group] ?? fallback;
    if (given !== undefined) thresholds[group.group] = given;
  }
  return { kind: 'per-group', thresholds };
}

/**
 * Audits a counts table (the output of the aggregation query, run here or in a warehouse): checks scores, weights
 * and attribute values, reads which outcome is positive, folds the cells into statistics and builds the section.
 */
export function auditCountsTable(table: CountsTable, context: CountsAuditContext): CountsAuditResult {
  const rows = sumRows(overallCells(table), () => true);
  if (rows === 0) {
    throw new InputError('the file has no data rows', {
      file: context.file,
      hint: 'Check that the file holds the records, not only a header',
    });
  }
  assertScores(table, context);
  assertWeights(table, context);
  assertThresholdsCoverGroups(table, context);
  const outcomes = classify(table, context);
  assertAttributeValues(table, context, rows);
  const { label, prediction } = outcomes;
  const statistics = foldCounts(table.cells, {
    plan: context.plan,
    labelOf: (cell) => outcomeOf(label.encoding, cell.label),
    ...(prediction
      ? { predictionOf: (cell: CountCell) => outcomeOf(prediction.encoding, cell.prediction) }
      : {}),
    missing: context.settings.missing === 'drop' ? 'drop' : 'group',
    weighted: table.hasWeight,
    ...(table.binning ? { binning: table.binning } : {}),
  });
  const { columns, plan } = context;
  const rule = completeRule(context.rule, statistics, context);
  const section = buildBiasSection({
    file: context.file,
    mode: context.settings.mode,
    columns: {
      attributes: [...plan.attributes],
      ...(plan.intersections.length > 0 ? { intersections: plan.intersections.map((set) => [...set]) } : {}),
      label: columns.label,
      ...(columns.prediction !== undefined ? { prediction: columns.prediction } : {}),
      ...(columns.score !== undefined ? { score: columns.score } : {}),
      ...(columns.weight !== undefined ? { weight: columns.weight } : {}),
    },
    groupings: [...plan.attributes, ...plan.intersections.map(groupingName)],
    positiveLabel: label.positiveLabel,
    statistics,
    settings: context.settings,
    references: context.references,
    ...(columns.score !== undefined && table.binning
      ? { score: { column: columns.score, binning: table.binning, ...(rule ? { rule } : {}) } }
      : {}),
  });
  return { section, statistics, outcomes };
}
