/**
 * A synthetic score analysis for the reporter fixtures (not exported from index.ts): each group's scores follow a
 * smooth histogram whose separation between labels differs by group, and the sweep, ROC points, calibration bins
 * and score metrics all come from those histograms, as the bias package derives them.
 */
import type { BiasMetricId, GroupMetrics, MetricValue, ScoreAnalysis, ThresholdRule } from '@rai-audit/core';

type Sweep = ScoreAnalysis['sweep'];
type Roc = ScoreAnalysis['roc'];
type Bins = ScoreAnalysis['calibration']['bins'];

interface Histogram {
  attribute: string;
  group: string;
  positives: number[];
  negatives: number[];
}

/** Bins of the synthetic histograms; more than the charts draw, so the report must thin the lines. */
const SCORE_BINS = 240;

function histogramOf(row: GroupMetrics, separation: number): Histogram {
  const positives = (row.counts?.tp ?? 0) + (row.counts?.fn ?? 0);
  const negatives = (row.counts?.fp ?? 0) + (row.counts?.tn ?? 0);
  const centers = Array.from({ length: SCORE_BINS }, (_, i) => (i + 0.5) / SCORE_BINS);
  const shape = (sign: number): number[] => {
    const weights = centers.map((x) => Math.exp(sign * separation * (x - 0.5)));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
  };
  return {
    attribute: row.attribute,
    group: row.group,
    positives: shape(1).map((w) => w * positives),
    negatives: shape(-1).map((w) => w * negatives),
  };
}

function sweepOf(h: Histogram): { sweep: Sweep; roc: Roc[number] } {
  const p = h.positives.reduce((a, b) => a + b, 0);
  const q = h.negatives.reduce((a, b) => a + b, 0);
  const sweep: Sweep = [];
  let selectedP = p;
  let selectedN = q;
  for (let j = 0; j <= SCORE_BINS; j += 1) {
    const threshold = j / SCORE_BINS;
    sweep.push({
      attribute: h.attribute,
      group: h.group,
      threshold,
      selection_rate: p + q === 0 ? null : (selectedP + selectedN) / (p + q),
      tpr: p === 0 ? null : selectedP / p,
      fpr: q === 0 ? null : selectedN / q,
    });
    selectedP -= h.positives[j] ?? 0;
    selectedN -= h.negatives[j] ?? 0;
  }
  const points = sweep.flatMap((s) =>
    s.tpr === null || s.fpr === null ? [] : [{ fpr: s.fpr, tpr: s.tpr, threshold: s.threshold }],
  );
  let auc: number | null = null;
  if (points.length > 1) {
    const sorted = [...points].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
    auc = sorted.slice(1).reduce((area, point, i) => {
      const prev = sorted[i] ?? point;
      return area + ((point.fpr - prev.fpr) * (point.tpr + prev.tpr)) / 2;
    }, 0);
  }
  const reason =
    p === 0 ? 'no actual positives in this group' : q === 0 ? 'no actual negatives in this group' : undefined;
  const roc =
    auc === null
      ? { attribute: h.attribute, group: h.group, auc, reason: reason ?? 'too few points', points }
      : { attribute: h.attribute, group: h.group, auc, points };
  return { sweep, roc };
}

function calibrationOf(h: Histogram, bins: number): Bins {
  const width = SCORE_BINS / bins;
  return Array.from({ length: bins }, (_, b) => {
    let pos = 0;
    let neg = 0;
    let scoreSum = 0;
    for (let i = b * width; i < (b + 1) * width; i += 1) {
      const x = (i + 0.5) / SCORE_BINS;
      pos += h.positives[i] ?? 0;
      neg += h.negatives[i] ?? 0;
      scoreSum += x * ((h.positives[i] ?? 0) + (h.negatives[i] ?? 0));
    }
    const n = pos + neg;
    return {
      attribute: h.attribute,
      group: h.group,
      lower: b / bins,
      upper: (b + 1) / bins,
      n,
      meanScore: n === 0 ? 0 : scoreSum / n,
      observedRate: n === 0 ? 0 : pos / n,
    };
  }).filter((bin) => bin.n > 0);
}

function scoreMetrics(
  h: Histogram,
  auc: number | null,
  reason: string | undefined,
  bins: Bins,
): Partial<Record<BiasMetricId, MetricValue>> {
  const n = [...h.positives, ...h.negatives].reduce((a, b) => a + b, 0);
  if (n === 0) return {};
  let sum = 0;
  let brier = 0;
  h.positives.forEach((w, i) => {
    const x = (i + 0.5) / SCORE_BINS;
    sum += w * x;
    brier += w * (1 - x) ** 2;
  });
  h.negatives.forEach((w, i) => {
    const x = (i + 0.5) / SCORE_BINS;
    sum += w * x;
    brier += w * x ** 2;
  });
  const calibration = bins.reduce((a, bin) => a + bin.n * Math.abs(bin.meanScore - bin.observedRate), 0) / n;
  return {
    auc: auc === null ? { value: null, reason: reason ?? 'undefined' } : { value: auc },
    mean_score: { value: sum / n },
    brier: { value: brier / n },
    // No bins (calibration skipped): no calibration error either.
    ...(bins.length === 0 ? {} : { calibration_error: { value: calibration } }),
  };
}

/** Score analysis of the given groups and the overall row; `skipCalibration` gives the variant with scores outside [0,1]. */
export function buildScoreAnalysis(
  groups: readonly GroupMetrics[],
  overall: GroupMetrics,
  options: { rule?: ThresholdRule; skipCalibration?: boolean },
): { analysis: ScoreAnalysis; metrics: Map<GroupMetrics, Partial<Record<BiasMetricId, MetricValue>>> } {
  const sweep: Sweep = [];
  const roc: Roc = [];
  const bins: Bins = [];
  const metrics = new Map<GroupMetrics, Partial<Record<BiasMetricId, MetricValue>>>();
  [overall, ...groups].forEach((row, index) => {
    const h = histogramOf(row, 3 + (index % 5) * 0.9);
    const curve = sweepOf(h);
    const calibration = options.skipCalibration === true ? [] : calibrationOf(h, 10);
    sweep.push(...curve.sweep);
    roc.push(curve.roc);
    bins.push(...calibration);
    metrics.set(row, scoreMetrics(h, curve.roc.auc, curve.roc.reason, calibration));
  });
  const skipped = 'scores range from -2.4 to 3.1, outside [0, 1]: a calibration curve needs probabilities';
  // The skipped variant's scores are logits: the same curves on a threshold scale from -2.4 to 3.1.
  const rescale = (t: number): number => (options.skipCalibration === true ? -2.4 + 5.5 * t : t);
  const analysis: ScoreAnalysis = {
    column: 'score',
    range: { min: rescale(0), max: rescale(1) },
    sweep: sweep.map((entry) => ({ ...entry, threshold: rescale(entry.threshold) })),
    roc: roc.map((entry) => ({
      ...entry,
      points: entry.points.map((p) => ({ ...p, threshold: rescale(p.threshold) })),
    })),
    calibration: options.skipCalibration === true ? { skipped, bins: [] } : { bins },
    ...(options.rule === undefined ? {} : { rule: options.rule }),
  };
  return { analysis, metrics };
}
