import type { BiasSection, GroupMetrics, Interval } from '@rai-audit/core';

/** A rate for messages: at most three decimals, no trailing zeros. */
export function formatFigure(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** "95% bootstrap interval 0.55–0.77". */
export function formatInterval(interval: Interval): string {
  const percent = Number((interval.level * 100).toFixed(1));
  return `${percent}% ${interval.method} interval ${formatFigure(interval.lower)}–${formatFigure(interval.upper)}`;
}

/** Where an interval lies against a one-sided threshold: below it, above it, or across it. */
export function intervalAgainstThreshold(interval: Interval, threshold: number): string {
  const where =
    interval.upper < threshold
      ? `entirely below the threshold ${threshold}`
      : interval.lower > threshold
        ? `entirely above the threshold ${threshold}`
        : `crossing the threshold ${threshold}: with more data the verdict could go either way`;
  return `${formatInterval(interval)}, ${where}`;
}

/** Where an interval of a ratio lies against the parity band [tau, 1/tau]. */
export function intervalAgainstBand(interval: Interval, tau: number): string {
  const band = `[${formatFigure(tau)}, ${formatFigure(1 / tau)}]`;
  const outside = interval.upper < tau || interval.lower > 1 / tau;
  const inside = interval.lower >= tau && interval.upper <= 1 / tau;
  const where = outside
    ? `entirely outside the parity band ${band}`
    : inside
      ? `entirely inside the parity band ${band}`
      : `crossing an edge of the parity band ${band}: with more data the verdict could go either way`;
  return `${formatInterval(interval)}, ${where}`;
}

/** A figure with its interval when it has one: "0.62 (95% wilson interval 0.52–0.71)". */
export function formatEstimate(value: number, interval: Interval | undefined): string {
  return interval ? `${formatFigure(value)} (${formatInterval(interval)})` : formatFigure(value);
}

/** The row of a group, if the section has it. */
export function groupOf(section: BiasSection, attribute: string, group: string): GroupMetrics | undefined {
  return section.groups.find((g) => g.attribute === attribute && g.group === group);
}

/** The attributes and intersections (`a+b`) a section covers, in the order of its columns. */
export function auditedAttributes(section: BiasSection): string[] {
  return [
    ...section.columns.attributes,
    ...(section.columns.intersections ?? []).map((parts) => parts.join('+')),
  ];
}
