/**
 * Small, regex-based readers of the generated HTML for tests. No HTML parser is installed in the workspace; these
 * helpers only read markup the reporter itself produced, where user text is always escaped.
 */

/** Every opening tag with the given name, case-insensitively. */
export function openingTags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'gi')) ?? [];
}

/** The text content of the embedded result's script element. */
export function embeddedJsonText(html: string): string {
  const match = /<script type="application\/json" id="rai-audit-result">([\s\S]*?)<\/script/i.exec(html);
  if (match?.[1] === undefined) throw new Error('no embedded result');
  return match[1];
}

/** The inline SVG documents, in order. */
export function inlineSvgs(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/** Heading levels in document order, e.g. [1, 2, 2, 3]. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
}

/** The `<section>`… of the verdict banner. */
export function verdictBanner(html: string): string {
  const match = /<section class="verdict[\s\S]*?<\/section>/.exec(html);
  if (match === null) throw new Error('no verdict banner');
  return match[0];
}

export interface TagAttribute {
  readonly tag: string;
  readonly name: string;
  readonly value: string;
}

const OPENING_TAG =
  /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?/g;

/** Every attribute of every opening tag, read the way an HTML tokenizer reads quoted attribute values. */
export function tagAttributes(html: string): TagAttribute[] {
  const found: TagAttribute[] = [];
  for (const tag of html.matchAll(OPENING_TAG)) {
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      found.push({ tag: (tag[1] ?? '').toLowerCase(), name: (attribute[1] ?? '').toLowerCase(), value });
    }
  }
  return found;
}
