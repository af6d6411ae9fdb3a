import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import {
  ProvenanceLedgerSchema,
  formatPath,
  parseLicenseExpression,
  type ProvenanceLedger,
} from '@rai-audit/core';

export interface LedgerIssue {
  path: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

export type LedgerValidation = { value: ProvenanceLedger; document: Document } | { issues: LedgerIssue[] };

function locator(doc: Document, lineCounter: LineCounter) {
  return (path: readonly PropertyKey[], message: string, hint?: string): LedgerIssue => {
    let node: unknown = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
    // A missing key: point at the object it is missing from.
    for (let cut = path.length - 1; node === undefined && cut >= 0; cut--)
      node = doc.getIn(path.slice(0, cut) as unknown[], true);
    const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
    const pos = range ? lineCounter.linePos(range[0]) : undefined;
    return { path: formatPath(path), line: pos?.line, column: pos?.col, message, ...(hint ? { hint } : {}) };
  };
}

function semanticIssues(
  ledger: ProvenanceLedger,
): Array<{ path: PropertyKey[]; message: string; hint?: string }> {
  const issues: Array<{ path: PropertyKey[]; message: string; hint?: string }> = [];
  const names = new Set<string>();
  const licence = (path: PropertyKey[], text: string | undefined): void => {
    if (text === undefined) return;
    const parsed = parseLicenseExpression(text);
    if (!parsed.ok) {
      issues.push({
        path,
        message: parsed.message,
        hint: parsed.suggestion
          ? `did you mean "${parsed.suggestion}"? (an SPDX expression; put wording without an SPDX id in licenseText)`
          : 'write an SPDX expression (https://spdx.org/licenses/), or LicenseRef-<name> with licenseText or licenseUrl',
      });
    }
  };
  ledger.datasets.forEach((dataset, index) => {
    if (names.has(dataset.name))
      issues.push({
        path: ['datasets', index, 'name'],
        message: `dataset "${dataset.name}" is listed twice`,
      });
    names.add(dataset.name);
    licence(['datasets', index, 'license'], dataset.license);
    dataset.sources.forEach((source, s) =>
      licence(['datasets', index, 'sources', s, 'license'], source.license),
    );
  });
  licence(['model', 'license'], ledger.model?.license);
  ledger.datasets.forEach((dataset, index) => {
    (dataset.lineage?.derivedFrom ?? []).forEach((parent, p) => {
      if (!names.has(parent)) {
        issues.push({
          path: ['datasets', index, 'lineage', 'derivedFrom', p],
          message: `"${parent}" is not a dataset of this ledger`,
          hint: `datasets: ${[...names].join(', ') || 'none'}`,
        });
      }
    });
  });
  return issues;
}

/** Parses and validates provenance.yaml: YAML syntax, the core schema, licences, unique names, lineage targets. */
export function validateLedger(text: string): LedgerValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          path: '(syntax)',
          line: pos.line,
          column: pos.col,
          message: error.message.split('\n')[0] ?? '',
        };
      }),
    };
  }
  const locate = locator(doc, lineCounter);
  const parsed = ProvenanceLedgerSchema.safeParse(doc.toJS() ?? { version: 1 });
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) =>
        locate(issue.path, issue.message, 'see packages/core/schema/provenance-ledger.schema.json'),
      ),
    };
  }
  const issues = semanticIssues(parsed.data);
  if (issues.length > 0)
    return { issues: issues.map((issue) => locate(issue.path, issue.message, issue.hint)) };
  return { value: parsed.data, document: doc };
}

/** Issues as lines `file:line:col: path: message. hint`. */
export function formatLedgerIssues(file: string, issues: readonly LedgerIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
      return `${where}: ${issue.path}: ${issue.message}${issue.hint ? `. ${issue.hint}` : ''}`;
    })
    .join('\n');
}
