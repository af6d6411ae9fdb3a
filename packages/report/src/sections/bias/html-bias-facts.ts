import type { BiasSection, BiasSettings, ReferenceGroup } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { groupLabel, sectionAttributes } from '../../labels/group-labels.js';
import { METRIC_LABELS } from '../../labels/metric-labels.js';
import { formatNumber } from '../../presentation.js';

const MISSING_POLICY: Readonly<Record<BiasSettings['missing'], string>> = {
  group: 'kept as the “(missing)” group',
  drop: 'rows dropped from the groups',
  error: 'not allowed (the run stops)',
};

function referenceText(reference: ReferenceGroup, section: BiasSection): string {
  const view = sectionAttributes(section).find((v) => v.key === reference.attribute) ?? {
    key: reference.attribute,
    parts: [reference.attribute],
    label: reference.attribute,
  };
  const how =
    reference.method === 'explicit'
      ? 'chosen explicitly'
      : reference.method === 'largest'
        ? 'the largest group'
        : `the lowest ${reference.metric === undefined ? 'value' : METRIC_LABELS[reference.metric].short}`;
  return `${view.label}: ${groupLabel({ group: reference.group }, view)} (${how})`;
}

function settingsFacts(settings: BiasSettings): [string, string][] {
  const { tau, minGroupSize, missing, bootstrap } = settings;
  const level = bootstrap === undefined ? '' : `${formatNumber(bootstrap.level * 100)}%`;
  return [
    ['Parity band', `${formatNumber(tau)} ≤ ratio ≤ ${formatNumber(1 / tau)} (tau ${formatNumber(tau)})`],
    ['Minimum group size', `${formatNumber(minGroupSize)} rows`],
    ['Missing attribute values', MISSING_POLICY[missing]],
    [
      'Bootstrap',
      bootstrap === undefined || bootstrap.draws === 0
        ? 'not computed'
        : `${formatNumber(bootstrap.draws)} draws, seed ${bootstrap.seed}, ${level} intervals`,
    ],
  ];
}

/** What was audited and how: columns, mode, settings and reference groups, as a definition list. */
export function renderBiasFacts(section: BiasSection): string {
  const { attributes, intersections, label, prediction, score, weight } = section.columns;
  const items: [string, string | undefined][] = [
    ['Audit', section.mode === 'dataset' ? 'Dataset (labels only, no predictions)' : 'Predictions'],
    ['Rows', formatNumber(section.rows)],
    ['Sensitive attributes', attributes.join(', ')],
    ['Intersections', intersections?.map((parts) => parts.join(' × ')).join(', ')],
    ['Label column', label],
    ['Prediction column', prediction],
    ['Score column', score],
    ['Weight column', weight],
    ['Positive label', section.positiveLabel],
    ...(section.settings === undefined ? [] : settingsFacts(section.settings)),
  ];
  const pairs = items.flatMap(([term, value]) =>
    value === undefined ? [] : [`<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`],
  );
  const references = section.references ?? [];
  if (references.length > 0) {
    const list = references.map((r) => `<li>${escapeHtml(referenceText(r, section))}</li>`).join('');
    pairs.push(`<div class="wide"><dt>Reference groups</dt><dd><ul class="plain">${list}</ul></dd></div>`);
  }
  return `<dl class="facts">${pairs.join('')}</dl>`;
}
