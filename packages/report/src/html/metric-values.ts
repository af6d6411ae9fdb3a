import type { Estimate, Interval, MetricValue } from '@rai-audit/core';
import { escapeHtml } from '../escape.js';
import type { Footnotes } from './footnotes.js';
import { formatNumber, formatRate } from '../presentation.js';

const UNDEFINED_WITHOUT_REASON = 'The value is undefined; the producer gave no reason.';

/** How an interval reads in a cell: in full (`[0.412, 0.498] 95% Wilson`), or compact when a caption names the kind. */
export type IntervalStyle = 'full' | 'compact';

/** The kind of an interval, e.g. `95% Wilson`. */
function intervalKind(interval: Interval): string {
  const level = `${formatNumber(interval.level * 100)}%`;
  return `${level} ${interval.method === 'wilson' ? 'Wilson' : 'bootstrap'}`;
}

/** An interval as `[0.412, 0.498] 95% Wilson`. */
export function formatInterval(interval: Interval, style: IntervalStyle = 'full'): string {
  const bounds = `[${formatRate(interval.lower)}, ${formatRate(interval.upper)}]`;
  return style === 'full' ? `${bounds} ${intervalKind(interval)}` : bounds;
}

/**
 * The interval kinds of a table, for its caption (`Intervals: 95% Wilson.`), and the style its cells can use:
 * compact when every interval is of one kind, so the caption says it once.
 */
export function describeIntervals(intervals: readonly (Interval | undefined)[]): {
  note: string;
  style: IntervalStyle;
} {
  const kinds = [...new Set(intervals.flatMap((i) => (i === undefined ? [] : [intervalKind(i)])))];
  if (kinds.length === 0) return { note: '', style: 'full' };
  if (kinds.length > 1) return { note: '', style: 'full' };
  return { note: ` Intervals: ${kinds[0] ?? ''}.`, style: 'compact' };
}

/** "undefined", with the reason in a tooltip and a numbered note. */
export function renderUndefined(reason: string | undefined, notes: Footnotes): string {
  const text = reason ?? UNDEFINED_WITHOUT_REASON;
  return `<span class="undefined" title="${escapeHtml(text)}">undefined</span>${notes.reference(text)}`;
}

function intervalSpan(interval: Interval | undefined, style: IntervalStyle): string {
  return interval === undefined ? '' : `<span class="interval">${formatInterval(interval, style)}</span>`;
}

/**
 * A rate for a table cell: the value with its interval, or "undefined" with the reason (in a title and a
 * footnote), never 0 or NaN. A metric the producer did not report reads "not reported".
 */
export function renderMetricValue(
  metric: MetricValue | undefined,
  notes: Footnotes,
  style: IntervalStyle = 'full',
): string {
  if (metric === undefined) return '<span class="muted">not reported</span>';
  if (metric.value === null || !Number.isFinite(metric.value)) return renderUndefined(metric.reason, notes);
  const ratio =
    metric.numerator !== undefined && metric.denominator !== undefined
      ? ` title="${formatNumber(metric.numerator)} / ${formatNumber(metric.denominator)}"`
      : '';
  return `<span class="value"${ratio}>${formatRate(metric.value)}</span>${intervalSpan(metric.interval, style)}`;
}

/** An estimate (a ratio or a difference) with its interval, or "undefined" with the reason. */
export function renderEstimate(estimate: Estimate, notes: Footnotes, style: IntervalStyle = 'full'): string {
  if (estimate.value === null || !Number.isFinite(estimate.value)) {
    return renderUndefined(estimate.reason, notes);
  }
  return `<span class="value">${formatRate(estimate.value)}</span>${intervalSpan(estimate.interval, style)}`;
}
