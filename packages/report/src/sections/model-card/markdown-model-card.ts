import type { AuditResult, ModelCardSection } from '@rai-audit/core';
import { escapeMarkdown } from '../../escape.js';

/** For a job summary: which card was built, from how many evaluation records, and the files written beside it. */
export function renderMarkdownModelCard(result: AuditResult): string[] {
  return result.sections
    .filter((section): section is ModelCardSection => section.kind === 'model-card')
    .flatMap((section) => {
      const sources = [...new Set(section.evaluations.map((r) => r.source))];
      const intersections = section.evaluations.filter((r) => r.intersection).length;
      return [
        `### Model card: ${escapeMarkdown(section.card.model.name)}`,
        '',
        `${section.evaluations.length} evaluation records (${intersections} intersectional) from ${sources.length} audit result(s)${sources.length ? `: ${sources.map((s) => `\`${escapeMarkdown(s)}\``).join(', ')}` : ''}; ${section.data.length} dataset(s).`,
        ...(section.outputs.length
          ? ['', `Written: ${section.outputs.map((o) => `\`${escapeMarkdown(o)}\``).join(', ')}.`]
          : []),
        '',
      ];
    });
}
