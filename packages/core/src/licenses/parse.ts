import parseSpdx from 'spdx-expression-parse';
import correctSpdx from 'spdx-correct';
import { closestMatch } from '../suggest.js';
import { resolveLicenseAlias } from './aliases.js';
import { SPDX_LICENSE_IDS, spdxIdIgnoringCase } from './spdx-ids.js';

/** A parsed SPDX expression: a licence, `A WITH exception`, or `A AND B` / `A OR B`. */
export type LicenseNode =
  | { license: string; plus?: boolean; exception?: string }
  | { left: LicenseNode; conjunction: 'and' | 'or'; right: LicenseNode };

export type ParsedLicense =
  | {
      ok: true;
      /** The canonical SPDX expression: `Apache-2.0 OR (MIT AND CC-BY-4.0)`. */
      expression: string;
      /** The licence ids in it (SPDX ids and `LicenseRef-…`), sorted, each once. */
      ids: string[];
      tree: LicenseNode;
      /** Names that were resolved through an alias: `cc-by-nc-4.0 → CC-BY-NC-4.0`. */
      aliased: string[];
    }
  | { ok: false; message: string; suggestion?: string };

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

/** One licence name (possibly several words) as an SPDX id or LicenseRef, or undefined. */
function resolveTerm(term: string): string | undefined {
  if (/^(LicenseRef|DocumentRef)-[A-Za-z0-9.+:-]+$/.test(term)) return term;
  const plus = term.endsWith('+') && !term.includes(' ') ? '+' : '';
  const id = spdxIdIgnoringCase(plus ? term.slice(0, -1) : term);
  if (id) return `${id}${plus}`;
  return resolveLicenseAlias(term);
}

function suggestionFor(term: string): string | undefined {
  return correctSpdx(term, { upgrade: true }) ?? closestMatch(term, SPDX_LICENSE_IDS);
}

/** Splits into parentheses, operators and licence terms (consecutive words that are not operators). */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let words: string[] = [];
  const flush = (): void => {
    if (words.length > 0) tokens.push(words.join(' '));
    words = [];
  };
  for (const raw of text.split(/(\(|\)|\s+)/)) {
    if (raw === undefined || raw.trim() === '') continue;
    if (raw === '(' || raw === ')' || OPERATORS.has(raw.toUpperCase())) {
      flush();
      tokens.push(OPERATORS.has(raw.toUpperCase()) ? raw.toUpperCase() : raw);
    } else words.push(raw);
  }
  flush();
  return tokens;
}

function serialize(node: LicenseNode, parent?: 'and' | 'or'): string {
  if ('license' in node) {
    const base = `${node.license}${node.plus ? '+' : ''}`;
    return node.exception ? `${base} WITH ${node.exception}` : base;
  }
  const text = `${serialize(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${serialize(node.right, node.conjunction)}`;
  return parent && parent !== node.conjunction ? `(${text})` : text;
}

function collectIds(node: LicenseNode, into: Set<string>): void {
  if ('license' in node) into.add(node.license);
  else {
    collectIds(node.left, into);
    collectIds(node.right, into);
  }
}

/**
 * Parses an SPDX licence expression (`MIT OR Apache-2.0`), accepting ids in any case, Hugging Face licence ids
 * (`cc-by-nc-4.0`, `openrail`) and common names (`Apache License 2.0`, `CC BY-SA 4.0`). Anything else is refused
 * with the closest SPDX id as a suggestion; nothing is corrected silently.
 */
export function parseLicenseExpression(text: string): ParsedLicense {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the licence is empty' };
  const aliased: string[] = [];
  const whole = /[()]/.test(trimmed) ? undefined : resolveTerm(trimmed);
  const tokens = whole ? [whole] : tokenize(trimmed);
  if (whole && whole !== trimmed) aliased.push(`${trimmed} → ${whole}`);
  const normalized: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (whole || token === '(' || token === ')' || OPERATORS.has(token)) {
      normalized.push(token);
      continue;
    }
    if (tokens[index - 1] === 'WITH') {
      normalized.push(token);
      continue;
    }
    const id = resolveTerm(token);
    if (!id) {
      const suggestion = suggestionFor(token);
      return {
        ok: false,
        message: `"${token}" is not an SPDX licence id or a licence name rai-audit knows`,
        ...(suggestion ? { suggestion } : {}),
      };
    }
    if (id !== token) aliased.push(`${token} → ${id}`);
    normalized.push(id);
  }
  if (tokens.filter((t) => t === '(').length !== tokens.filter((t) => t === ')').length) {
    return { ok: false, message: `"${trimmed}" has unbalanced parentheses` };
  }
  let tree: LicenseNode;
  try {
    tree = parseSpdx(normalized.join(' ')) as LicenseNode;
  } catch (error) {
    return {
      ok: false,
      message: `"${trimmed}" is not a valid SPDX expression (${(error as Error).message})`,
    };
  }
  const ids = new Set<string>();
  collectIds(tree, ids);
  return { ok: true, expression: serialize(tree), ids: [...ids].sort(), tree, aliased };
}
