import type { AuditResult, BiasSection, BiasSummary } from '@rai-audit/core';
import { BiasSummaryBasisSchema, BiasSummaryIdSchema } from '@rai-audit/core';
import { escapeMarkdown } from '../../escape.js';
import { sectionAttributes } from '../../labels/group-labels.js';
import { BASIS_LABELS, SUMMARY_SHORT_LABELS, summaryBasis } from '../../labels/metric-labels.js';
import type { SummaryBasis } from '../../labels/metric-labels.js';
import { formatRate } from '../../presentation.js';

const SUMMARY_IDS = BiasSummaryIdSchema.options;
const BASES: readonly SummaryBasis[] = BiasSummaryBasisSchema.options;

function valueText(summary: BiasSummary | undefined): string {
  if (summary === undefined) return '–';
  return summary.value === null ? 'undefined' : formatRate(summary.value);
}

function attributeRows(section: BiasSection): string[] {
  const views = sectionAttributes(section);
  const extra = [...new Set(section.summaries.map((s) => s.attribute))].filter(
    (key) => !views.some((v) => v.key === key),
  );
  const labelled = [
    ...views.map((v) => ({ key: v.key, label: v.label })),
    ...extra.sort().map((key) => ({ key, label: key })),
  ];
  return labelled.flatMap(({ key, label }) => {
    const own = section.summaries.filter((s) => s.attribute === key);
    return BASES.flatMap((basis) => {
      const row = own.filter((s) => summaryBasis(s) === basis);
      if (row.length === 0) return [];
      const cells = SUMMARY_IDS.map((id) => valueText(row.find((s) => s.summary === id)));
      return [`| ${escapeMarkdown(label)} | ${BASIS_LABELS[basis]} | ${cells.join(' | ')} |`];
    });
  });
}

/**
 * The fairness summaries of each bias section as one compact table per section: a row per attribute and basis,
 * a column per summary; nothing when no section has summaries.
 */
export function renderMarkdownBiasSummaries(result: AuditResult): string[] {
  return result.sections.flatMap((section) => {
    if (section.kind !== 'bias' || section.summaries.length === 0) return [];
    const header = ['Attribute', 'Basis', ...SUMMARY_IDS.map((id) => SUMMARY_SHORT_LABELS[id])];
    return [
      `### Fairness summaries: ${escapeMarkdown(section.title)}`,
      '',
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...attributeRows(section),
      '',
      'Differences: 0 is parity; ratios: 1 is parity (DP demographic parity, EO equalized odds, EOpp equal opportunity).',
      '',
    ];
  });
}
