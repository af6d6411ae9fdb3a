const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// Control characters other than tab and newline never belong in a card.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * One line of user text made inert for Markdown that the Hub renders as HTML: tags become entities, and every
 * character that could open a link, emphasis, code, a table cell, a heading or a front-matter marker is escaped.
 * `[x](javascript:…)` therefore shows as text, and no line can read as `---`.
 */
export function markdownInline(text: string): string {
  return (
    text
      .replace(CONTROL, '')
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
      .replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char)
      .replace(/[\\`*_[\]()!|~#{}]/g, (char) => `\\${char}`)
      .trim()
      // Only at the start of a line can these open a list, a rule, a setext heading or a front-matter marker.
      .replace(/^([-+=>])/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}

/** Paragraphs of user text: each line escaped as inline text; blank lines kept as paragraph breaks. */
export function markdownParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => markdownInline(paragraph))
    .filter(Boolean)
    .join('\n\n');
}

/** A bulleted list of user texts. */
export function markdownList(items: readonly string[]): string {
  return items.map((item) => `- ${markdownInline(item)}`).join('\n');
}

/** A Markdown table; cells are already-escaped text. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
