import type { BiasMetricId, Check, GroupMetrics, ParityVerdict } from '@rai-audit/core';
import { STATUS_COLORS } from './chart-figure.js';
import { smallGroupText } from '../labels/group-labels.js';
import type { AttributeView } from '../labels/group-labels.js';

/** What a disparity chart (strip or heatmap) shows: the groups of one attribute, by metric, against [tau, 1/tau]. */
export interface DisparityChartInput {
  readonly id: string;
  readonly attribute: AttributeView;
  readonly metrics: readonly BiasMetricId[];
  readonly groups: readonly GroupMetrics[];
  readonly tau: number;
  readonly minGroupSize?: number;
  /** The disparities a check at level error or warn judged (`judgedKey`); only these are drawn ✖ or ●. */
  readonly judged: ReadonlySet<string>;
}

/** The key of one disparity: attribute, group and metric, as a check's subject names them. */
export function judgedKey(attribute: string, group: string, metric: string): string {
  return JSON.stringify([attribute, group, metric]);
}

/**
 * The disparities that a `bias.disparity.<metric>` check at level error or warn judged (passed, failed or warned):
 * a chart marks a value "outside the parity band" only when the verdict rests on it.
 */
export function judgedDisparities(checks: readonly Check[]): Set<string> {
  const judged = new Set<string>();
  for (const check of checks) {
    if (!check.id.startsWith('bias.disparity.') || check.level === 'off') continue;
    if (check.status !== 'pass' && check.status !== 'fail' && check.status !== 'warn') continue;
    const { attribute, group, metric } = check.subject;
    if (attribute !== undefined && group !== undefined && metric !== undefined) {
      judged.add(judgedKey(attribute, group, metric));
    }
  }
  return judged;
}

/** A verdict as drawn: within or outside the band only where a check judged it, "not judged" otherwise. */
export type ShownVerdict = ParityVerdict | 'not-judged';

/** How a group's disparity of a metric is drawn in the charts of `input`. */
export function shownVerdict(
  input: DisparityChartInput,
  row: GroupMetrics,
  metric: BiasMetricId,
): ShownVerdict {
  const parity = row.disparities?.[metric]?.parity ?? 'undefined';
  if (parity !== 'pass' && parity !== 'fail') return parity;
  return input.judged.has(judgedKey(row.attribute, row.group, metric)) ? parity : 'not-judged';
}

/** A parity verdict as a reader sees it: a shape and a word, and the colour that goes with them. */
export interface VerdictStyle {
  readonly icon: string;
  readonly text: string;
  /** The legend entry of the chart mark; the report's own words, never user text. */
  readonly legend: string;
  readonly shape: string;
  readonly fill: string;
  readonly stroke: string;
}

/** A bold ✖ as a vega symbol path, so "outside the band" has its own shape and not only its own colour. */
const CROSS_SHAPE = 'M-1,-0.7L-0.7,-1L0,-0.3L0.7,-1L1,-0.7L0.3,0L1,0.7L0.7,1L0,0.3L-0.7,1L-1,0.7L-0.3,0Z';

/** The verdict styles; the small-group text names the minimum group size when it is known. */
export function verdictStyles(
  minGroupSize: number | undefined,
): Readonly<Record<ShownVerdict, VerdictStyle>> {
  const small = smallGroupText(minGroupSize);
  return {
    pass: {
      icon: '✔',
      text: 'within the band',
      legend: 'Within the parity band',
      shape: 'circle',
      fill: STATUS_COLORS.pass,
      stroke: STATUS_COLORS.pass,
    },
    fail: {
      icon: '✖',
      text: 'outside the band',
      legend: 'Outside the parity band',
      shape: CROSS_SHAPE,
      fill: STATUS_COLORS.fail,
      stroke: STATUS_COLORS.fail,
    },
    'not-judged': {
      icon: '·',
      text: 'not judged by a check',
      legend: 'Not judged by a check',
      shape: 'square',
      fill: '#8c959f',
      stroke: '#8c959f',
    },
    'insufficient-data': {
      icon: '▲',
      text: `insufficient data (${small})`,
      legend: `Insufficient data (${small})`,
      shape: 'circle',
      fill: '#ffffff',
      stroke: STATUS_COLORS.muted,
    },
    reference: {
      icon: '◆',
      text: 'reference group',
      legend: 'Reference group',
      shape: 'diamond',
      fill: STATUS_COLORS.ink,
      stroke: STATUS_COLORS.ink,
    },
    undefined: {
      icon: '○',
      text: 'undefined',
      legend: 'Undefined',
      shape: 'circle',
      fill: '#ffffff',
      stroke: STATUS_COLORS.muted,
    },
  };
}

/** The metrics, in the given order, for which some group of the attribute has a disparity. */
export function metricsWithDisparities(
  groups: readonly GroupMetrics[],
  candidates: readonly BiasMetricId[],
): BiasMetricId[] {
  return candidates.filter((id) => groups.some((row) => row.disparities?.[id] !== undefined));
}

/**
 * A legend encoding for verdict marks: shape, fill and stroke share the field and the domain, so vega-lite merges
 * them into one legend whose symbols look like the marks (hollow for insufficient data).
 */
export function verdictEncoding(legends: readonly string[], styles: readonly VerdictStyle[]) {
  const pick = (key: 'shape' | 'fill' | 'stroke'): string[] =>
    legends.map((legend) => styles.find((style) => style.legend === legend)?.[key] ?? '');
  const legend = { orient: 'bottom' as const, title: null, direction: 'horizontal' as const, columns: 4 };
  const field = { field: 'verdict', type: 'nominal' as const, legend };
  return {
    shape: { ...field, scale: { domain: legends, range: pick('shape') } },
    fill: { ...field, scale: { domain: legends, range: pick('fill') } },
    stroke: { ...field, scale: { domain: legends, range: pick('stroke') } },
  };
}
