/**
 * Escaping for every output format. Reporters render strings a user controls (group and attribute names, file
 * names, messages, evidence), so each format escapes at the point of output rather than trusting its input.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls other than tab, line feed, form feed and carriage return are parse errors in HTML and illegal in
// XML 1.0; so are the non-characters U+FFFE/U+FFFF and lone surrogates. They become U+FFFD so nothing is silently lost.
const ILLEGAL_TEXT_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters that HTML and XML 1.0 forbid (C0 controls, U+FFFE/U+FFFF, lone surrogates) with U+FFFD. */
export function replaceIllegalCharacters(text: string): string {
  return text.replace(ILLEGAL_TEXT_CHARACTERS, '\uFFFD');
}

/** Escapes text for an HTML text node or a quoted attribute value; illegal control characters become U+FFFD. */
export function escapeHtml(text: string): string {
  return replaceIllegalCharacters(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/** Escapes text for XML 1.0 element content; characters XML 1.0 forbids become U+FFFD, line breaks stay. */
export function escapeXmlText(text: string): string {
  // Form feed is legal in HTML but not in XML 1.0.
  return replaceIllegalCharacters(text)
    .replace(/\f/g, '\uFFFD')
    .replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char)
    .replace(/\r/g, '&#13;');
}

/** Escapes text for a quoted XML 1.0 attribute, encoding tabs and line breaks that attribute normalisation would eat. */
export function escapeXml(text: string): string {
  return escapeXmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const SCRIPT_JSON_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Serializes a value as JSON that is safe inside an HTML `<script type="application/json">` element: no input can
 * close the element or open a comment, and `JSON.parse` of the element's text gives back the value exactly.
 */
export function serializeJsonForScript(value: unknown): string {
  // These characters can only occur inside JSON strings, where a \u escape is an exact equivalent.
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_JSON_ESCAPES[char] ?? char);
}

/**
 * Escapes text for Markdown that a CI job summary renders with inline HTML enabled: HTML is neutralised as
 * entities, Markdown punctuation is backslash-escaped (no links, images or emphasis), and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return replaceIllegalCharacters(text)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char)
    .replace(/[\\`*_[\]()!|~#{}]/g, (char) => `\\${char}`);
}
