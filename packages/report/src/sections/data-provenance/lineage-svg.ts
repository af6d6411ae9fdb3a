import type { DataProvenanceSection } from '@rai-audit/core';
import { escapeHtml, escapeXml, escapeXmlText } from '../../escape.js';

const NODE_WIDTH = 180;
const NODE_HEIGHT = 40;
const COLUMN_GAP = 80;
const ROW_GAP = 24;
const MAX_LABEL = 24;

/** Each dataset's column: the length of the longest chain of datasets it derives from (cycles cut). */
export function lineageDepths(section: Pick<DataProvenanceSection, 'datasets'>): Map<string, number> {
  const parents = new Map(section.datasets.map((d) => [d.name, d.derivedFrom]));
  const depths = new Map<string, number>();
  const depthOf = (name: string, visiting: Set<string>): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const inner = (parents.get(name) ?? []).filter((p) => parents.has(p));
    const depth = inner.length === 0 ? 0 : 1 + Math.max(...inner.map((p) => depthOf(p, visiting)));
    visiting.delete(name);
    depths.set(name, depth);
    return depth;
  };
  for (const dataset of section.datasets) depthOf(dataset.name, new Set());
  return depths;
}

const shorten = (text: string): string =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

/**
 * The lineage as an inline SVG: datasets in columns by depth, an arrow from each source to what derives from it.
 * Every name is escaped; the figure has a title and the table after it carries the same edges for screen readers.
 */
export function renderLineageSvg(section: DataProvenanceSection, id: string): string {
  const depths = lineageDepths(section);
  const columns = new Map<number, string[]>();
  for (const dataset of section.datasets) {
    const depth = depths.get(dataset.name) ?? 0;
    columns.set(depth, [...(columns.get(depth) ?? []), dataset.name]);
  }
  const position = new Map<string, { x: number; y: number }>();
  for (const [depth, names] of columns) {
    names.forEach((name, row) =>
      position.set(name, {
        x: 10 + depth * (NODE_WIDTH + COLUMN_GAP),
        y: 10 + row * (NODE_HEIGHT + ROW_GAP),
      }),
    );
  }
  const width = 20 + (Math.max(0, ...columns.keys()) + 1) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP;
  const height =
    20 + Math.max(1, ...[...columns.values()].map((c) => c.length)) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
  const edges: string[] = [];
  for (const dataset of section.datasets) {
    const to = position.get(dataset.name);
    for (const parent of dataset.derivedFrom) {
      const from = position.get(parent);
      if (!from || !to) continue;
      edges.push(
        `<line x1="${from.x + NODE_WIDTH}" y1="${from.y + NODE_HEIGHT / 2}" x2="${to.x - 4}" y2="${to.y + NODE_HEIGHT / 2}" stroke="#555" stroke-width="1.5" marker-end="url(#${id}-arrow)"/>`,
      );
    }
  }
  const nodes = section.datasets.map((dataset) => {
    const at = position.get(dataset.name) ?? { x: 0, y: 0 };
    const drifted = dataset.drift.status !== 'unchanged';
    return (
      `<g><title>${escapeXmlText(dataset.name)}</title>` +
      `<rect x="${at.x}" y="${at.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${drifted ? '#fdecea' : '#eef4fb'}" stroke="${drifted ? '#b3261e' : '#2f5f8f'}"${drifted ? ' stroke-dasharray="4 2"' : ''}/>` +
      `<text x="${at.x + 8}" y="${at.y + 17}" font-size="13" font-family="system-ui, sans-serif">${escapeXmlText(shorten(dataset.name))}</text>` +
      `<text x="${at.x + 8}" y="${at.y + 33}" font-size="11" font-family="system-ui, sans-serif" fill="#444">${escapeXmlText(shorten(dataset.license.expression ?? 'no licence'))}</text></g>`
    );
  });
  const title = `Lineage of ${section.datasets.length} datasets`;
  return [
    `<figure class="lineage"><svg role="img" aria-labelledby="${id}-lineage-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-lineage-title">${escapeXml(title)}</title>`,
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`,
    ...edges,
    ...nodes,
    '</svg>',
    `<figcaption>${escapeHtml(title)}: an arrow goes from a dataset to each dataset derived from it; a dashed red box has drifted or could not be verified. The table below lists the same derivations.</figcaption></figure>`,
  ].join('');
}
