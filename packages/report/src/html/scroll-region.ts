import { escapeHtml } from '../escape.js';

/**
 * The opening tag of a wrapper that lets a wide table scroll sideways. It is a labelled group in the tab order, so
 * a keyboard user can reach and scroll it (axe `scrollable-region-focusable`); `label` is plain text. A group, not
 * a region landmark: two sections auditing the same attribute have tables of the same name, and landmarks must
 * have unique names.
 */
export function scrollRegionStart(label: string): string {
  return `<div class="table-scroll" role="group" tabindex="0" aria-label="${escapeHtml(label)}">`;
}
