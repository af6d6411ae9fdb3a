import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The layers of DESIGN.md, bottom up; a package may import only packages of a lower layer (or itself). */
export const PACKAGE_LAYERS: Record<string, { layer: 'core' | 'domain' | 'report' | 'cli'; name: string }> = {
  core: { layer: 'core', name: '@rai-audit/core' },
  bias: { layer: 'domain', name: '@rai-audit/bias' },
  'model-card': { layer: 'domain', name: '@rai-audit/model-card' },
  'data-provenance': { layer: 'domain', name: '@rai-audit/data-provenance' },
  'content-credentials': { layer: 'domain', name: '@rai-audit/content-credentials' },
  report: { layer: 'report', name: '@rai-audit/report' },
  cli: { layer: 'cli', name: 'rai-audit' },
};

const ALLOWED: Record<string, ReadonlyArray<'core' | 'domain' | 'report'>> = {
  core: [],
  domain: ['core'],
  report: ['core'],
  cli: ['core', 'domain', 'report'],
};

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes: packages/<pkg>/src/… or packages/<pkg>/test/… */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  rule: string;
  detail: string;
}

function packageOfSpecifier(specifier: string): string | undefined {
  for (const [dir, info] of Object.entries(PACKAGE_LAYERS)) {
    if (specifier === info.name || specifier.startsWith(`${info.name}/`)) return dir;
  }
  return undefined;
}

/** A test, or a test helper: code that is never shipped. */
function isTestFile(path: string): boolean {
  return /\.test\.ts$/.test(path) || /(^|\/)test-fixtures\.ts$/.test(path) || isInTestFolder(path);
}

/** The repository path a relative specifier of `file` points to, with forward slashes. */
function resolveRelative(file: string, specifier: string): string {
  return resolve('/', dirname(file), specifier).slice(1).split(sep).join('/');
}

/** True for a path inside any package's test/ folder (test helpers and fixture builders, never shipped). */
function isInTestFolder(path: string): boolean {
  return /^packages\/[^/]+\/test(\/|$)/.test(path);
}

/**
 * A relative import that leaves its package (test code may reach the repository's tests/), or one from code under
 * src/ other than a test into a test/ folder, which would ship test code.
 */
function relativeImportViolations(path: string, own: string, specifier: string): Violation[] {
  const resolved = resolveRelative(path, specifier);
  const found: Violation[] = [];
  if (!/\.test\.ts$/.test(path) && !isInTestFolder(path) && isInTestFolder(resolved)) {
    const folder = resolved.split('/').slice(0, 3).join('/');
    found.push({
      file: path,
      rule: 'test-import',
      detail: `${specifier} is test code in ${folder}/, which is not shipped`,
    });
  }
  if (!isTestFile(path) && !resolved.startsWith(`packages/${own}/`)) {
    found.push({ file: path, rule: 'relative-escape', detail: `${specifier} leaves packages/${own}` });
  }
  return found;
}

/**
 * Every import that breaks the layer rules, every import of a test/ folder from code under src/ other than a test,
 * and every process.exit outside the cli package.
 */
export function findLayerViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const match = /^packages\/([^/]+)\/(src|test)\//.exec(file.path);
    if (!match?.[1]) continue;
    const own = match[1];
    const info = PACKAGE_LAYERS[own];
    if (!info) {
      violations.push({ file: file.path, rule: 'unknown-package', detail: `packages/${own} has no layer` });
      continue;
    }
    for (const { fileName: specifier } of ts.preProcessFile(file.text, true, true).importedFiles) {
      const target = packageOfSpecifier(specifier);
      if (target && target !== own) {
        const targetLayer = PACKAGE_LAYERS[target]?.layer;
        if (!targetLayer || targetLayer === 'cli' || !ALLOWED[info.layer]?.includes(targetLayer)) {
          violations.push({
            file: file.path,
            rule: 'layer',
            detail: `${info.layer} package ${own} imports ${specifier}`,
          });
        }
      }
      if (specifier.startsWith('.')) violations.push(...relativeImportViolations(file.path, own, specifier));
    }
    if (own !== 'cli' && /\bprocess\s*\.\s*exit\s*\(/.test(file.text)) {
      violations.push({
        file: file.path,
        rule: 'process-exit',
        detail: 'only the cli package may call process.exit',
      });
    }
  }
  return violations;
}

/** Reads every .ts file under packages/*\/src and packages/*\/test (test helpers) of the repository at `root`. */
export function readPackageSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        files.push({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  for (const pkg of readdirSync(join(root, 'packages'))) {
    for (const folder of ['src', 'test']) {
      const dir = join(root, 'packages', pkg, folder);
      if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
    }
  }
  return files;
}
