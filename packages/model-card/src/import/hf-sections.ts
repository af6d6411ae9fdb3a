import { Lexer, type Token, type Tokens } from 'marked';
import { unescapeMarkdown } from './markdown-fields.js';

/** One heading of a Markdown document and the block tokens up to the next heading of any level. */
export interface MarkdownSection {
  depth: number;
  title: string;
  /** The heading and its parents' titles below the document title: `Evaluation › Results`. */
  trail: string;
  tokens: Token[];
}

/** Splits a Markdown body (no front matter) into sections by heading; text before the first heading has depth 0. */
export function splitSections(markdown: string): MarkdownSection[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const sections: MarkdownSection[] = [{ depth: 0, title: '', trail: '', tokens: [] }];
  const parents: string[] = [];
  for (const token of tokens) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const title = unescapeMarkdown(heading.text);
      parents.length = Math.max(0, heading.depth - 1);
      parents[heading.depth - 1] = title;
      sections.push({
        depth: heading.depth,
        title,
        trail: parents.slice(1).filter(Boolean).join(' › ') || title,
        tokens: [],
      });
    } else if (token.type !== 'space') {
      (sections[sections.length - 1] as MarkdownSection).tokens.push(token);
    }
  }
  return sections;
}

/** A heading reduced for matching: lower case, no "[optional]", no punctuation. */
export function headingKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/\[optional\]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Front matter and body of a README; a README without front matter has none. */
export function splitFrontMatter(text: string): { frontMatter?: string; body: string; bodyLine: number } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) return { body: normalised, bodyLine: 1 };
  const end = normalised.indexOf('\n---', 3);
  const close = end === -1 ? -1 : normalised.slice(end + 4).match(/^[ \t]*(\n|$)/) ? end : -1;
  if (close === -1) return { body: normalised, bodyLine: 1 };
  const frontMatter = normalised.slice(4, close + 1);
  const rest = normalised.slice(close + 4).replace(/^[ \t]*\n?/, '');
  return { frontMatter, body: rest, bodyLine: frontMatter.split('\n').length + 2 };
}
