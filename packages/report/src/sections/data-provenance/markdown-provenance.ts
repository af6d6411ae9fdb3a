import type { AuditResult, DataProvenanceSection } from '@rai-audit/core';
import { escapeMarkdown } from '../../escape.js';

/** A job summary is capped (1 MiB on GitHub): at most this many paths per dataset; the JSON has them all. */
const MAX_PATHS = 20;

function datasetRows(section: DataProvenanceSection): string[] {
  return section.datasets.map((d) => {
    const drift =
      d.drift.status === 'unchanged'
        ? '✔ unchanged'
        : d.drift.status === 'error'
          ? '⊘ not verified'
          : `✖ ${d.drift.status}`;
    const cells = [
      d.name,
      d.license.expression ?? 'none',
      String(d.fileCount),
      d.digest ? d.digest.slice(0, 12) : 'none',
      drift,
      d.lineageTerms.commercialUse,
      d.trainingPermission,
    ];
    return `| ${cells.map((c) => escapeMarkdown(c)).join(' | ')} |`;
  });
}

function driftLines(section: DataProvenanceSection): string[] {
  return section.datasets.flatMap((d) => {
    const paths = [
      ...d.drift.changed.map((p) => `changed: ${p}`),
      ...d.drift.missing.map((p) => `missing: ${p}`),
      ...d.drift.added.map((p) => `new: ${p}`),
      ...d.drift.problems.map((p) => `${p.reason}: ${p.path}`),
    ];
    if (paths.length === 0) return [];
    const shown = paths.slice(0, MAX_PATHS).map((p) => `- ${escapeMarkdown(p)}`);
    if (paths.length > MAX_PATHS) shown.push(`- … and ${paths.length - MAX_PATHS} more (audit.json)`);
    return [`**${escapeMarkdown(d.name)}**`, '', ...shown, ''];
  });
}

/** The Markdown summary of every data-provenance section: datasets, drift and conflicts. */
export function renderMarkdownProvenance(result: AuditResult): string[] {
  return result.sections.flatMap((section) => {
    if (section.kind !== 'data-provenance') return [];
    const conflicts = section.conflicts.map(
      (c) =>
        `- ${c.severity === 'error' ? '✖' : '⚠'} ${escapeMarkdown(c.subject)}: ${escapeMarkdown(c.message)}`,
    );
    return [
      '### Data provenance',
      '',
      '| Dataset | Licence | Files | Digest | Drift | Commercial use | Training permission |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...datasetRows(section),
      '',
      ...driftLines(section),
      ...(conflicts.length ? [...conflicts, ''] : []),
    ];
  });
}
