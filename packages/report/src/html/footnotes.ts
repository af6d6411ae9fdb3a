import { escapeHtml } from '../escape.js';

/**
 * Numbered notes under a table, so the reason a value is undefined can be read without hovering (and in print).
 * Identical reasons share one note.
 */
export class Footnotes {
  private readonly notes: string[] = [];

  constructor(private readonly idPrefix: string) {}

  /** A superscript link to the note with this text, adding the note if it is new. */
  reference(text: string): string {
    let index = this.notes.indexOf(text);
    if (index < 0) index = this.notes.push(text) - 1;
    const number = index + 1;
    return `<sup><a href="#${this.idPrefix}-${number}" aria-label="note ${number}">${number}</a></sup>`;
  }

  /** The notes as an ordered list, or nothing when there are none. */
  render(): string {
    if (this.notes.length === 0) return '';
    const items = this.notes.map(
      (note, index) => `<li id="${this.idPrefix}-${index + 1}">${escapeHtml(note)}</li>`,
    );
    return `<ol class="footnotes">${items.join('')}</ol>`;
  }
}
