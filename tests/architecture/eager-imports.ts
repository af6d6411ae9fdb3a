import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Each workspace package's entry points on its sources: the `source` condition of its package.json `exports`
 * (`@rai-audit/bias/checks` → packages/bias/src/checks.ts), as TypeScript and vitest resolve them.
 */
function workspaceEntries(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const dir of readdirSync(join(root, 'packages'))) {
    const manifestPath = join(root, 'packages', dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      name: string;
      exports?: Record<string, string | Record<string, string>>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target === 'object' && target.source !== undefined) {
        entries.set(`${manifest.name}${subpath.slice(1)}`, join(root, 'packages', dir, target.source));
      }
    }
  }
  return entries;
}

/** `createRequire(…)('name')`: a CommonJS package required by name. */
function requiredName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isCallExpression(node.expression)) return undefined;
  const callee = node.expression.expression;
  const [argument] = node.arguments;
  if (!ts.isIdentifier(callee) || callee.text !== 'createRequire' || !argument) return undefined;
  return ts.isStringLiteral(argument) ? argument.text : undefined;
}

/**
 * The module specifiers a file loads when it is imported: static imports and re-exports that are not type-only,
 * and packages required through createRequire outside any function; with `withDynamic`, import() calls as well.
 */
function importsOf(file: string, withDynamic: boolean): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const required = requiredName(node);
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (required !== undefined && (!inFunction || withDynamic)) {
      found.push(required);
    } else if (
      withDynamic &&
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    const inside = inFunction || ts.isFunctionLike(node);
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(source, false);
  return found;
}

/**
 * Every third-party package that loading `entry` loads, following relative and workspace imports through the
 * sources. Static imports only, unless `dynamic` (then the entry's own import() calls count as well).
 */
export function packagesLoadedBy(root: string, entry: string, dynamic = false): Set<string> {
  const entries = workspaceEntries(root);
  const external = new Set<string>();
  const seen = new Set<string>();
  const pending = [resolve(root, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(file, dynamic && file === resolve(root, entry))) {
      const workspace = entries.get(specifier);
      if (workspace) pending.push(workspace);
      else if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
        if (existsSync(target)) pending.push(target);
      } else if (!specifier.startsWith('node:')) {
        external.add(
          specifier.startsWith('@')
            ? specifier.split('/').slice(0, 2).join('/')
            : (specifier.split('/')[0] ?? specifier),
        );
      }
    }
  }
  return external;
}
