import type { ModelCardSection } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { renderCardContent } from './html-card-content.js';
import { renderCardEvidence } from './html-card-evidence.js';

/** The model-card section of a report: the card's text, then its numbers with where they came from. */
export async function renderModelCardSection(section: ModelCardSection, id: string): Promise<string> {
  return [
    `<section id="${id}" class="model-card">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    renderCardContent(section.card),
    await renderCardEvidence(section, id),
    '</section>',
  ].join('\n');
}
