/** Namespace of the IPTC Extension schema; the prefix bound to it varies (`Iptc4xmpExt`, `iptcExt`, …). */
export const IPTC_EXT_NAMESPACE = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';
const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const PROPERTY = 'DigitalSourceType';

/** One `DigitalSourceType` property found in an XMP packet, with the value as written (not normalised). */
export interface XmpDigitalSourceTypeProperty {
  /** The prefix the packet bound to the IPTC Extension namespace. */
  readonly prefix: string;
  /** `attribute`: `<rdf:Description p:DigitalSourceType="…">`; `element`: `<p:DigitalSourceType>…</…>`. */
  readonly form: 'attribute' | 'element';
  readonly value: string;
}

type Scope = ReadonlyMap<string, string>;

// One XML token: a comment, CDATA, a processing instruction, a declaration, or a tag (quoted values may hold `>`).
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
  });
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { prefix: '', local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** The scope inside an element: its parent's bindings plus its own `xmlns` and `xmlns:p` declarations. */
function extendScope(parent: Scope, attributes: ReadonlyMap<string, string>): Scope {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of attributes) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  return scope ?? parent;
}

interface OpenProperty {
  readonly prefix: string;
  readonly depth: number;
  text: string;
}

/**
 * Every `DigitalSourceType` property of the IPTC Extension namespace in an XMP packet, matched by namespace URI
 * (so `iptcExt:` and `Iptc4xmpExt:` both count, and a look-alike prefix bound elsewhere does not), in attribute
 * form, element form with text, or element form with `rdf:resource`. Malformed XML yields what could be read.
 */
export function findDigitalSourceTypes(xmp: string): XmpDigitalSourceTypeProperty[] {
  const found: XmpDigitalSourceTypeProperty[] = [];
  const scopes: Scope[] = [new Map()];
  let open: OpenProperty | undefined;
  let last = 0;
  for (const token of xmp.matchAll(TOKEN)) {
    if (open) open.text += decodeEntities(xmp.slice(last, token.index)) + (token[1] ?? '');
    last = token.index + token[0].length;
    const name = token[3];
    if (name === undefined) continue;
    if (token[2] === '/') {
      if (open?.depth === scopes.length - 1) {
        found.push({ prefix: open.prefix, form: 'element', value: open.text });
        open = undefined;
      }
      if (scopes.length > 1) scopes.pop();
      continue;
    }
    const attributes = readAttributes(token[4] ?? '');
    const scope = extendScope(scopes.at(-1)!, attributes);
    found.push(...attributeProperties(attributes, scope));
    const element = splitName(name);
    const isProperty = element.local === PROPERTY && scope.get(element.prefix) === IPTC_EXT_NAMESPACE;
    const resource = isProperty ? resourceOf(attributes, scope) : undefined;
    if (resource !== undefined) found.push({ prefix: element.prefix, form: 'element', value: resource });
    if (token[5] === '/') continue;
    scopes.push(scope);
    if (isProperty && resource === undefined && !open)
      open = { prefix: element.prefix, depth: scopes.length - 1, text: '' };
  }
  return found;
}

function attributeProperties(
  attributes: ReadonlyMap<string, string>,
  scope: Scope,
): XmpDigitalSourceTypeProperty[] {
  const properties: XmpDigitalSourceTypeProperty[] = [];
  for (const [name, value] of attributes) {
    const { prefix, local } = splitName(name);
    // Unprefixed attributes belong to no namespace in XML, whatever the default namespace is.
    if (prefix !== '' && local === PROPERTY && scope.get(prefix) === IPTC_EXT_NAMESPACE) {
      properties.push({ prefix, form: 'attribute', value });
    }
  }
  return properties;
}

function resourceOf(attributes: ReadonlyMap<string, string>, scope: Scope): string | undefined {
  for (const [name, value] of attributes) {
    const { prefix, local } = splitName(name);
    if (prefix !== '' && local === 'resource' && scope.get(prefix) === RDF_NAMESPACE) return value;
  }
  return undefined;
}
