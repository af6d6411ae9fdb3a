import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { ModelCardSourceSchema, formatPath, type ModelCardSource } from '@rai-audit/core';
import { findUnknownKeys } from './unknown-keys.js';

/** A problem in a card source, located by key path and, when known, line and column (1-based). */
export interface CardIssue {
  path: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

export type CardSourceParse =
  { value: ModelCardSource; warnings: string[] } | { issues: CardIssue[]; kind: 'syntax' | 'content' };

const SHAPE_HINT =
  'A card has model: { name, version, license, … }, intendedUse, factors, metrics, evaluationData, trainingData, ' +
  'ethicalConsiderations, limitations, outputTerms, huggingFace; `rai-audit card init` writes a commented example';

/** Locates a key path in a parsed YAML document: the line and column of its node. */
export type Locator = (path: readonly PropertyKey[]) => { line?: number; column?: number };

/** Parses a card source (YAML or JSON) and validates it; unknown keys are kept and listed as warnings. */
export function parseCardSource(text: string): CardSourceParse & { locate?: Locator } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      kind: 'syntax',
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          path: '(syntax)',
          line: pos.line,
          column: pos.col,
          message: error.message.split('\n')[0] ?? 'YAML syntax error',
          hint: 'Fix the YAML at that place; quote text that contains ": " or starts with a special character',
        };
      }),
    };
  }
  const locate: Locator = (path) => {
    let node = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
    // A missing key has no node: point at its parent.
    for (let cut = path.length - 1; node === undefined && cut >= 0; cut--)
      node = cut === 0 ? doc.contents : doc.getIn(path.slice(0, cut) as unknown[], true);
    const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
    if (!range) return {};
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  const raw: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const parsed = ModelCardSourceSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: 'content',
      locate,
      issues: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        ...locate(issue.path),
        message: issue.message,
        hint: SHAPE_HINT,
      })),
    };
  }
  const warnings = findUnknownKeys(ModelCardSourceSchema, parsed.data).map(
    (path) => `unknown key ${path}: kept as it is, but rai-audit does not use it (a typo?)`,
  );
  return { value: parsed.data, warnings, locate };
}

/** Renders issues as `file:line:col: path: message. hint` lines. */
export function formatCardIssues(file: string, issues: readonly CardIssue[]): string {
  return issues
    .map((issue) => {
      const at = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
      return `${at}: ${issue.path}: ${issue.message}${issue.hint ? `. ${issue.hint}` : ''}`;
    })
    .join('\n');
}
