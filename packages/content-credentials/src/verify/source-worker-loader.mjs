/**
 * Module hooks that let a worker thread run the TypeScript sources directly (tests under vitest, which cannot
 * hand its transform to worker threads). Used only when the verifier itself runs from `.ts` files; the built
 * package starts `dist/verify/asset-worker.js` and never loads this file. Transpiles with the `typescript`
 * package (a development dependency): no type checking, imports kept as written. Output is cached in the temp
 * folder by content hash, so that the workers of later runs start without loading the compiler.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const CACHE = join(tmpdir(), 'rai-audit-source-worker-cache');

/**
 * `./x.js` written in a `.ts` file means `./x.ts`. Workspace packages (`@rai-audit/…`) resolve through their
 * package.json `exports` with the `source` condition, which names their `src/*.ts` entries (as TypeScript's
 * customConditions and the vitest config do).
 */
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const candidate = new URL(`${specifier.slice(0, -3)}.ts`, parent);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  if (specifier.startsWith('@rai-audit/')) {
    const conditions = ['source', ...(context.conditions ?? [])];
    return nextResolve(specifier, { ...context, conditions });
  }
  return nextResolve(specifier, context);
}

async function transpile(fileName, source) {
  const key = createHash('sha256').update(`${fileName}\0${source}`).digest('hex').slice(0, 40);
  const cached = join(CACHE, `${key}.js`);
  const hit = await readFile(cached, 'utf8').catch(() => undefined);
  if (hit !== undefined) return hit;
  const { default: ts } = await import('typescript');
  const output = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  }).outputText;
  // Written then renamed, so that a worker never reads another's half-written file.
  const temporary = `${cached}.${process.pid}.${threadId}.tmp`;
  await mkdir(CACHE, { recursive: true });
  await writeFile(temporary, output);
  await rename(temporary, cached);
  return output;
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const source = await transpile(fileName, await readFile(fileName, 'utf8'));
  return { format: 'module', source, shortCircuit: true };
}
