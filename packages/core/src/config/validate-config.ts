import type { PolicyContext, PolicyFile, PolicyIssue, ResolvedPolicy } from '../policy.js';
import { formatPath, resolvePolicyFile, yaml } from '../policy.js';
import { RaiAuditConfigSchema, type RaiAuditConfig } from './config-schema.js';

export type ConfigValidation =
  { value: { config: RaiAuditConfig; policy: ResolvedPolicy } } | { issues: PolicyIssue[] };

function hintFor(path: readonly PropertyKey[]): string | undefined {
  return path.length === 0
    ? 'rai-audit.yaml has the blocks bias, modelCard, data, assets and policy'
    : undefined;
}

/** The policy a config describes: its `policy` block with the asset rules and trust anchors of `assets`. */
function policyFileOf(config: RaiAuditConfig): PolicyFile {
  return {
    ...config.policy,
    ...(config.assets?.requirements ? { assets: config.assets.requirements } : {}),
    ...(config.assets?.trust ? { trust: config.assets.trust } : {}),
  };
}

/**
 * Parses and validates rai-audit.yaml (YAML or JSON): the schema, then the policy against the check catalog.
 * Every issue carries its key path (`policy.checks["bias.x"][1].min`), line and column.
 */
export function validateConfig(text: string, context: PolicyContext): ConfigValidation {
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const located = (path: PropertyKey[], message: string, hint?: string): PolicyIssue => {
    // The deepest node that exists: a missing key is reported where it should have been.
    let node: unknown;
    for (let depth = path.length; depth >= 0 && node === undefined; depth -= 1) {
      node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    }
    const ranged = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
    const pos = ranged ? lineCounter.linePos(ranged[0]) : undefined;
    return { path: formatPath(path), line: pos?.line, column: pos?.col, message, hint };
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((err) => {
        const pos = lineCounter.linePos(err.pos[0]);
        return {
          path: '(syntax)',
          line: pos.line,
          column: pos.col,
          message: err.message.split('\n')[0] ?? '',
        };
      }),
    };
  }
  const parsed = RaiAuditConfigSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) => located(issue.path, issue.message, hintFor(issue.path))),
    };
  }
  const config = parsed.data;
  const resolved = resolvePolicyFile(policyFileOf(config), context);
  if ('issues' in resolved) {
    return {
      issues: resolved.issues.map((issue) => {
        const [first, ...rest] = issue.path;
        const path = first === 'assets' ? ['assets', 'requirements', ...rest] : ['policy', ...issue.path];
        return located(path, issue.message, issue.hint);
      }),
    };
  }
  return { value: { config, policy: resolved.value } };
}
