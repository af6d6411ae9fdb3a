import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/** A policy issue before it is located in the text: a key path inside the document. */
export interface RawIssue {
  path: PropertyKey[];
  message: string;
  hint?: string;
  /** Line and column; a syntax error has an empty path, shown as `(syntax)`. */
  position?: { line: number; column: number };
}

/** A parsed policy text: its plain value, and a way to find the line and column of a key path. */
export interface PolicyDocument {
  value: unknown;
  /** Line and column (1-based) of the node at `path`, or of the nearest enclosing node that has one. */
  position(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

/**
 * How far YAML aliases may expand (the `yaml` package's measure, its default): a real policy uses a few; a
 * "billion laughs" file would expand to billions of nodes.
 */
export const MAX_POLICY_ALIASES = 100;

/**
 * Keys that a plain JavaScript object cannot hold as data: `__proto__` (assigning it replaces the prototype, so the
 * entry would vanish without a word). A policy naming one is refused, wherever the key is.
 */
const UNSAFE_KEYS = new Set(['__proto__']);

let yamlModule: typeof Yaml | undefined;

/** The YAML parser, loaded on the first policy read: a run without a policy file does not pay for it. */
export function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

function syntaxMessage(message: string): string {
  const first = message.split('\n')[0] ?? '';
  // The parser recurses per nesting level; the engine's own words would hide what is wrong with the file.
  if (/call stack/i.test(first)) return 'the document nests too deeply to be a policy';
  return first;
}

/** Own keys that cannot be data, with their paths (iterative: a deep value cannot overflow the stack). */
function unsafeKeys(value: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const key of Object.getOwnPropertyNames(node)) {
      if (Array.isArray(node) && key === 'length') continue;
      const childPath = [...path, Array.isArray(node) ? Number(key) : key];
      if (UNSAFE_KEYS.has(key)) {
        issues.push({
          path: childPath,
          message: `the key "${key}" is not allowed`,
          hint: 'Rename or remove it: it names no check, option or glob rai-audit could apply',
        });
        continue;
      }
      stack.push({ value: (node as Record<string, unknown>)[key], path: childPath });
    }
  }
  return issues;
}

/**
 * Parses a policy text (YAML or JSON) into a plain value. Syntax errors, alias expansion beyond
 * {@link MAX_POLICY_ALIASES} and keys that cannot be data are issues, never exceptions.
 */
export function readPolicyDocument(text: string): { document: PolicyDocument } | { issues: RawIssue[] } {
  const { LineCounter, parseDocument, isNode } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const position = (path: readonly PropertyKey[]) => {
    for (let length = path.length; length >= 0; length--) {
      const node = length ? doc.getIn(path.slice(0, length) as unknown[], true) : doc.contents;
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((err) => ({
        path: [],
        message: syntaxMessage(err.message),
        position: at(err.pos[0]),
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_POLICY_ALIASES }) ?? {};
  } catch (cause) {
    if (cause instanceof ReferenceError && /alias/i.test(cause.message)) {
      return {
        issues: [
          {
            path: [],
            message: `the YAML aliases (*name) expand too far (more than ${MAX_POLICY_ALIASES} times the aliased nodes), as in an alias bomb`,
            hint: 'Write the repeated parts out, or use fewer aliases',
          },
        ],
      };
    }
    throw cause;
  }
  const unsafe = unsafeKeys(value);
  if (unsafe.length > 0)
    return { issues: unsafe.map((issue) => ({ ...issue, position: position(issue.path) })) };
  return { document: { value, position } };
}
