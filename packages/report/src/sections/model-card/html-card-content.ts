import type { ModelCardSection } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';

type Card = ModelCardSection['card'];

const esc = (text: string | number): string => escapeHtml(String(text));

function list(items: readonly string[] | undefined): string {
  return items?.length
    ? `<ul>${items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`
    : '<p class="muted">Not stated.</p>';
}

function facts(rows: ReadonlyArray<[string, string | number | undefined]>): string {
  const shown = rows.filter(([, value]) => value !== undefined && value !== '');
  return shown.length === 0
    ? ''
    : `<dl class="facts">${shown.map(([label, value]) => `<dt>${esc(label)}</dt><dd>${esc(value as string)}</dd>`).join('')}</dl>`;
}

function block(title: string, body: string): string {
  return body ? `<h3>${esc(title)}</h3>\n${body}` : '';
}

function paragraphs(text: string | undefined): string {
  return text
    ? text
        .split(/\n{2,}/)
        .map((p) => `<p>${esc(p)}</p>`)
        .join('')
    : '';
}

/** The card's own text, every value escaped; links are shown as text, never as anchors (no javascript: URL can run). */
export function renderCardContent(card: Card): string {
  const m = card.model;
  const use = card.intendedUse ?? {};
  const terms = card.outputTerms;
  const impact = card.environmentalImpact ?? {};
  return [
    paragraphs(m.description),
    block(
      'Model details',
      facts([
        ['Owners', m.owners?.map((o) => (o.contact ? `${o.name} (${o.contact})` : o.name)).join(', ')],
        ['Type', m.type],
        ['Version', m.version],
        ['Release date', m.date],
        ['Architecture', m.architecture],
        ['Licence', m.license],
        ['Base model', [card.huggingFace?.baseModel ?? []].flat().join(', ') || undefined],
        ['References', m.references?.join(' · ')],
      ]),
    ),
    block(
      'Intended use',
      `${list(use.primaryUses)}${use.primaryUsers?.length ? `<p>Intended users: ${esc(use.primaryUsers.join('; '))}</p>` : ''}`,
    ),
    block('Out-of-scope uses', list(use.outOfScopeUses)),
    terms
      ? block(
          'Output terms',
          `${facts([
            ['Ownership of outputs', terms.ownership],
            ['Licence of outputs', terms.license],
            ['Use to train other models', terms.trainingOtherModels],
            ['Conditions', terms.conditions],
          ])}${terms.restrictions?.length ? list(terms.restrictions) : ''}`,
        )
      : '',
    block('Known limitations', list(card.limitations)),
    block(
      'Ethical considerations',
      card.ethicalConsiderations?.length
        ? `<ul>${card.ethicalConsiderations.map((e) => `<li>${esc(e.risk)}${e.mitigation ? `<br><span class="muted">Mitigation: ${esc(e.mitigation)}</span>` : ''}</li>`).join('')}</ul>`
        : '<p class="muted">Not stated.</p>',
    ),
    card.caveats?.length ? block('Caveats', list(card.caveats)) : '',
    card.recommendations?.length ? block('Recommendations', list(card.recommendations)) : '',
    Object.keys(impact).length
      ? block(
          'Environmental impact',
          facts([
            ['Hardware', impact.hardwareType],
            ['Hours used', impact.hoursUsed],
            ['Cloud provider', impact.cloudProvider],
            ['Region', impact.computeRegion],
            ['Carbon emitted (kg CO2eq)', impact.carbonEmittedKg],
            ['Energy (kWh)', impact.energyKwh],
          ]),
        )
      : '',
    card.extra && Object.keys(card.extra).length
      ? block(
          'Unmapped content (kept by rai-audit import)',
          Object.entries(card.extra)
            .map(
              ([key, value]) =>
                `<h4>${esc(key)}</h4><pre>${esc(typeof value === 'string' ? value : JSON.stringify(value, null, 2))}</pre>`,
            )
            .join(''),
        )
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}
