import type { Token, Tokens } from 'marked';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Undoes Markdown backslash escapes and the HTML entities a writer used to make text inert. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_[\]()!|~#{}+=.>-])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m)
    .trim();
}

/** The items of every list among the tokens, as text. */
export function listItems(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) =>
    token.type === 'list' ? (token as Tokens.List).items.map((item) => item.text.trim()) : [],
  );
}

const FIELD_LINE = /^\*\*(.+?):\*\*\s*(.*)$/s;

/** `- **Label:** value` items as a map from label to (unescaped) value. */
export function labelledFields(tokens: readonly Token[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const item of listItems(tokens)) {
    const match = FIELD_LINE.exec(item);
    if (match?.[1] !== undefined && match[2] !== undefined)
      fields.set(unescapeMarkdown(match[1]), unescapeMarkdown(match[2]));
  }
  return fields;
}

/** List items that are not `**Label:** value` fields, unescaped. */
export function plainItems(tokens: readonly Token[]): string[] {
  return listItems(tokens)
    .filter((item) => !FIELD_LINE.test(item))
    .map(unescapeMarkdown);
}

/** The paragraphs among the tokens, unescaped, joined by blank lines. */
export function paragraphs(tokens: readonly Token[]): string | undefined {
  const texts = tokens
    .filter((t) => t.type === 'paragraph')
    .map((t) => unescapeMarkdown((t as Tokens.Paragraph).text));
  return texts.length ? texts.join('\n\n') : undefined;
}

/** The first fenced code block's text. */
export function codeBlock(tokens: readonly Token[]): string | undefined {
  const code = tokens.find((t) => t.type === 'code') as Tokens.Code | undefined;
  return code?.text;
}

/** The raw Markdown of the tokens, as written. */
export function rawMarkdown(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.raw)
    .join('')
    .trim();
}
