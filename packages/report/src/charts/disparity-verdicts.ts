import type { BiasMetricId, GroupMetrics, ParityVerdict } from '@rai-audit/core';
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
): Readonly<Record<ParityVerdict, VerdictStyle>> {
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
