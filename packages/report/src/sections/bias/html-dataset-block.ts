import type { BiasSection, DatasetAnalysis } from '@rai-audit/core';
import { chunk } from '../../charts/chart-figure.js';
import { escapeHtml } from '../../escape.js';
import { groupLabel, groupsOf, sectionAttributes, uniqueLabels } from '../../labels/group-labels.js';
import type { AttributeView } from '../../labels/group-labels.js';
import { Footnotes } from '../../html/footnotes.js';
import { renderUndefined } from '../../html/metric-values.js';
import { formatNumber, formatPercent, formatRate } from '../../presentation.js';
import { renderRepresentationFigure, renderRepresentationTable } from '../../charts/representation-chart.js';
import { scrollRegionStart } from '../../html/scroll-region.js';

type MissingRow = DatasetAnalysis['missingValues'][number];
type ProxyRow = DatasetAnalysis['proxies'][number];

const MEASURE_LABELS: Readonly<Record<ProxyRow['measure'], string>> = {
  cramers_v: 'Cramér’s V',
  correlation_ratio: 'Correlation ratio (η)',
};

function table(caption: string, headers: readonly string[], rows: readonly string[]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return `${scrollRegionStart(caption)}<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function attributeViews(section: BiasSection, keys: readonly string[]): AttributeView[] {
  const views = sectionAttributes(section);
  const extra = [...new Set(keys)].filter((key) => !views.some((v) => v.key === key)).sort();
  return [...views, ...extra.map((key) => ({ key, parts: [key], label: key }))].filter((v) =>
    keys.includes(v.key),
  );
}

async function renderRepresentation(
  section: BiasSection,
  dataset: DatasetAnalysis,
  id: string,
): Promise<string> {
  const views = attributeViews(
    section,
    dataset.representation.map((r) => r.attribute),
  );
  const parts: string[] = [];
  for (const [index, attribute] of views.entries()) {
    const chart = {
      id: `${id}-rep${index}`,
      attribute,
      rows: dataset.representation.filter((row) => row.attribute === attribute.key),
      groups: groupsOf(section, attribute),
    };
    const caption = `Representation of the groups of “${attribute.label}”.`;
    parts.push(renderRepresentationTable(chart, caption), await renderRepresentationFigure(chart));
  }
  return parts.join('\n');
}

function renderGoodnessOfFit(section: BiasSection, dataset: DatasetAnalysis, notes: Footnotes): string {
  if (dataset.goodnessOfFit.length === 0) return '';
  const views = attributeViews(
    section,
    dataset.goodnessOfFit.map((r) => r.attribute),
  );
  const rows = views.flatMap((view) =>
    dataset.goodnessOfFit
      .filter((r) => r.attribute === view.key)
      .map((r) => {
        const statistic = r.statistic === null ? renderUndefined(r.reason, notes) : formatNumber(r.statistic);
        // A reason beside a value is a caveat (rows left out of the test): it becomes a note on the p-value.
        const caveat = r.pValue !== null && r.reason !== undefined ? notes.reference(r.reason) : '';
        const p = r.pValue === null ? renderUndefined(r.reason, notes) : `${formatNumber(r.pValue)}${caveat}`;
        return `<tr><th scope="row">${escapeHtml(view.label)}</th><td>Chi-square</td><td class="num">${statistic}</td><td class="num">${formatNumber(r.df)}</td><td class="num">${p}</td></tr>`;
      }),
  );
  return [
    '<p class="table-note">A small p-value says the observed group counts depart from the expected shares.</p>',
    table(
      'Goodness of fit to the expected shares',
      ['Attribute', 'Test', 'Statistic', 'df', 'p-value'],
      rows,
    ),
  ].join('\n');
}

/** The attribute value of missing-value rows about all rows. */
const OVERALL = '(overall)';

interface MissingColumn {
  readonly label: string;
  readonly entries: readonly MissingRow[];
}

/** The columns of an attribute's missing-value table: all rows first (when given), then each group in order. */
function missingColumns(
  view: AttributeView,
  section: BiasSection,
  dataset: DatasetAnalysis,
): MissingColumn[] {
  const rows = dataset.missingValues.filter((r) => r.attribute === view.key);
  const known = groupsOf(section, view).map((g) => g.group);
  const present = [...new Set(rows.map((r) => r.group))];
  const groups = [
    ...known.filter((g) => present.includes(g)),
    ...present.filter((g) => !known.includes(g)).sort(),
  ];
  const labelOf = (g: string): string =>
    groupLabel(section.groups.find((r) => r.attribute === view.key && r.group === g) ?? { group: g }, view);
  const labels = uniqueLabels(groups.map(labelOf), ['All rows']);
  const overall = dataset.missingValues.filter((r) => r.attribute === OVERALL);
  return [
    ...(overall.length === 0 ? [] : [{ label: 'All rows', entries: overall }]),
    ...groups.map((g, i) => ({ label: labels[i] ?? g, entries: rows.filter((r) => r.group === g) })),
  ];
}

function missingCell(entry: MissingRow | undefined): string {
  if (entry === undefined) return '<td class="num"><span class="muted">–</span></td>';
  const rows = `${formatNumber(entry.missing)} ${entry.missing === 1 ? 'row' : 'rows'}`;
  return `<td class="num">${formatPercent(entry.rate)}<span class="interval">${rows}</span></td>`;
}

function missingTables(view: AttributeView, section: BiasSection, dataset: DatasetAnalysis): string[] {
  const own = dataset.missingValues.filter((r) => r.attribute === view.key);
  const columns = [...new Set(own.filter((r) => r.missing > 0).map((r) => r.column))].sort();
  if (columns.length === 0) return [];
  return chunk(missingColumns(view, section, dataset), 7).map((slice) => {
    const body = columns.map((column) => {
      const cells = slice.map(({ entries }) => missingCell(entries.find((r) => r.column === column)));
      return `<tr><th scope="row">${escapeHtml(column)}</th>${cells.join('')}</tr>`;
    });
    return table(`Groups of “${view.label}”`, ['Column', ...slice.map(({ label }) => label)], body);
  });
}

function renderMissingValues(section: BiasSection, dataset: DatasetAnalysis): string {
  const keys = dataset.missingValues.map((r) => r.attribute).filter((key) => key !== OVERALL);
  const tables = attributeViews(section, keys).flatMap((view) => missingTables(view, section, dataset));
  if (tables.length === 0) return '<p class="muted">No column has a missing value in any group.</p>';
  const note =
    '<p class="table-note">The share of each group’s rows with no value in the column; only columns with a missing value are listed.</p>';
  return [note, ...tables].join('\n');
}

/** Strongest association first; undefined values last; ties by feature and attribute name. */
function rankProxies(proxies: readonly ProxyRow[]): ProxyRow[] {
  const key = (p: ProxyRow): string => `${p.feature}\u0000${p.attribute}\u0000${p.measure}`;
  return [...proxies].sort((a, b) => {
    if (a.value !== b.value) return (b.value ?? -1) - (a.value ?? -1);
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

function renderProxies(section: BiasSection, dataset: DatasetAnalysis, notes: Footnotes): string {
  if (dataset.proxies.length === 0) return '<p class="muted">No other column was tested as a proxy.</p>';
  const views = sectionAttributes(section);
  const rows = rankProxies(dataset.proxies).map((p, index) => {
    const attribute = views.find((v) => v.key === p.attribute)?.label ?? p.attribute;
    const value =
      p.value === null || !Number.isFinite(p.value)
        ? renderUndefined(p.reason, notes)
        : `<span class="bar-value">${formatRate(p.value)}</span><span class="bar-track" aria-hidden="true"><span class="bar" style="width: ${Math.round(Math.min(1, Math.max(0, p.value)) * 100)}%"></span></span>`;
    return `<tr><td class="num">${index + 1}</td><th scope="row">${escapeHtml(p.feature)}</th><td>${escapeHtml(attribute)}</td><td>${MEASURE_LABELS[p.measure]}</td><td class="num proxy-value">${value}</td></tr>`;
  });
  const note =
    '<p class="table-note">How strongly each other column is associated with a sensitive attribute (0 none, 1 ' +
    'determines it). A strong proxy can carry the attribute into a model that never sees it.</p>';
  return [
    note,
    table('Possible proxies, strongest first', ['Rank', 'Feature', 'Attribute', 'Measure', 'Value'], rows),
  ].join('\n');
}

/** The dataset audit: representation (tables and charts), goodness of fit, missing values by group, proxies. */
export async function renderDatasetBlock(section: BiasSection, id: string): Promise<string> {
  const dataset = section.dataset;
  if (dataset === undefined) return '';
  const notes = new Footnotes(`${id}-dataset-note`);
  return [
    `<section class="subsection" aria-labelledby="${id}-dataset-heading">`,
    `<h3 id="${id}-dataset-heading">Dataset</h3>`,
    '<h4>Representation</h4>',
    await renderRepresentation(section, dataset, id),
    renderGoodnessOfFit(section, dataset, notes),
    '<h4>Missing values by group</h4>',
    renderMissingValues(section, dataset),
    '<h4>Proxy features</h4>',
    renderProxies(section, dataset, notes),
    notes.render(),
    '</section>',
  ].join('\n');
}
