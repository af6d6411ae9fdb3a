import type { BiasSection, Check, DatasetAnalysis, ResolvedPolicy } from '@rai-audit/core';
import { toCheck, type Finding } from './check-finding.js';
import { PROXY_STRENGTH, REPRESENTATION, datasetCheckDefinitions } from './dataset-check-definitions.js';

type ProxyRow = DatasetAnalysis['proxies'][number];
type GoodnessOfFit = DatasetAnalysis['goodnessOfFit'][number];

const MEASURE_NAMES: Record<ProxyRow['measure'], string> = {
  cramers_v: "Cramér's V",
  correlation_ratio: 'correlation ratio η',
};

/** A figure for messages: at most three decimals (p-values in scientific notation when tiny). */
function figure(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(1);
  return String(Number(value.toFixed(3)));
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

function proxyFinding(
  row: ProxyRow & { value: number },
  max: number,
  runnerUp: ProxyRow | undefined,
): Finding {
  const measure = MEASURE_NAMES[row.measure];
  return {
    passed: false,
    expected: { operator: '<=', value: max },
    actual: row.value,
    subject: { attribute: row.attribute, field: row.feature, metric: row.measure },
    message: `${row.feature} stands in for ${row.attribute}: ${measure} ${figure(row.value)} is above ${max}`,
    evidence:
      `${measure} between ${row.feature} and ${row.attribute} is ${figure(row.value)}` +
      (runnerUp?.value === null || runnerUp === undefined
        ? ''
        : `; strongest at or below ${max}: ${runnerUp.feature} ${figure(runnerUp.value)}`),
    remediation:
      `Check whether ${row.feature} is needed: it carries much of ${row.attribute}, so a model using it can treat ` +
      `the groups of ${row.attribute} differently even without ${row.attribute}. Drop it, replace it by a part that ` +
      `does not encode ${row.attribute}, or keep it and audit the predictions per group of ${row.attribute}.`,
  };
}

function proxyFindings(dataset: DatasetAnalysis, attribute: string, max: number): Finding[] {
  const measured = dataset.proxies.filter(
    (p): p is ProxyRow & { value: number } => p.attribute === attribute && p.value !== null,
  );
  const above = measured.filter((p) => p.value > max);
  if (above.length > 0)
    return above.map((row) =>
      proxyFinding(
        row,
        max,
        measured.find((p) => p.value <= max),
      ),
    );
  const strongest = measured[0];
  return [
    {
      passed: strongest === undefined ? 'not-applicable' : true,
      expected: { operator: '<=', value: max },
      actual: strongest?.value ?? null,
      subject: strongest ? { attribute, field: strongest.feature, metric: strongest.measure } : { attribute },
      message: strongest
        ? `${attribute}: no feature is associated with it above ${max}`
        : `${attribute}: no feature could be measured`,
      evidence: strongest
        ? `strongest: ${strongest.feature} (${MEASURE_NAMES[strongest.measure]} ${figure(strongest.value)})`
        : 'no features, or every association undefined (see the proxy table for the reasons)',
      remediation: `Name the features to measure against ${attribute}, with columns that vary.`,
    },
  ];
}

function representationFinding(dataset: DatasetAnalysis, fit: GoodnessOfFit, minPValue: number): Finding {
  const groups = dataset.representation.filter(
    (r) => r.attribute === fit.attribute && r.expectedShare !== undefined,
  );
  const gap = (r: (typeof groups)[number]): number => (r.expectedShare ?? 0) - r.share;
  const under = [...groups].sort((a, b) => gap(b) - gap(a))[0];
  const passed = fit.pValue === null ? 'not-applicable' : fit.pValue >= minPValue;
  const test =
    fit.statistic === null
      ? `p = ${fit.pValue === null ? 'undefined' : figure(fit.pValue)}`
      : `chi-square ${figure(fit.statistic)}, df ${fit.df}, p = ${figure(fit.pValue ?? 0)}`;
  return {
    passed,
    expected: { operator: '>=', value: minPValue },
    actual: fit.pValue,
    subject: { attribute: fit.attribute, metric: 'share' },
    message:
      passed === 'not-applicable'
        ? `${fit.attribute}: the group shares could not be tested (${fit.reason ?? 'no test'})`
        : `${fit.attribute}: the group shares ${passed ? 'agree with' : 'differ from'} the expected shares (${test})`,
    evidence:
      groups
        .map((r) => `${r.group} ${percent(r.share)} (expected ${percent(r.expectedShare ?? 0)})`)
        .join(', ') + (fit.reason ? `; ${fit.reason}` : ''),
    remediation:
      `Collect more rows of ${fit.attribute}=${under?.group ?? 'the under-represented groups'} or reweigh the rows ` +
      `(a weight column) so that the groups of ${fit.attribute} match the population the model will serve; if the ` +
      'expected shares are out of date, update them.',
  };
}

function findingsOf(
  id: string,
  dataset: DatasetAnalysis,
  section: BiasSection,
  options: Record<string, unknown>,
): Finding[] {
  if (id === PROXY_STRENGTH) {
    const max = typeof options.max === 'number' ? options.max : 0.5;
    return section.columns.attributes.flatMap((attribute) => proxyFindings(dataset, attribute, max));
  }
  if (id === REPRESENTATION) {
    const minPValue = typeof options.minPValue === 'number' ? options.minPValue : 0.05;
    return dataset.goodnessOfFit.map((fit) => representationFinding(dataset, fit, minPValue));
  }
  return [];
}

/**
 * The dataset-audit checks at the policy's levels: bias.proxy-strength, one failing check per (feature, attribute)
 * above `max` or one passing check per attribute; bias.representation, one per attribute with expected shares.
 * None without a dataset analysis; checks at level off are left out.
 */
export function evaluateDatasetChecks(section: BiasSection, policy: ResolvedPolicy): Check[] {
  const dataset = section.dataset;
  if (!dataset) return [];
  return datasetCheckDefinitions.flatMap((definition) => {
    const resolved = policy.checks[definition.id];
    const level = resolved?.level ?? definition.defaultLevel;
    if (level === 'off') return [];
    const options = { ...definition.defaultOptions, ...resolved?.options };
    return findingsOf(definition.id, dataset, section, options).map((f) => toCheck(definition, level, f));
  });
}
