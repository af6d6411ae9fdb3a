#!/usr/bin/env node
// Bundles the built CLI (packages/cli/dist, from `tsc -b`) into packages/cli/dist/bundle/, which the `rai-audit`
// executable runs. Node 20 loads ES modules one file at a time: the CLI and its workspace packages are about 230
// of them, vega another 100, and loading them took a third of a second before a command started. The bundle is a
// handful of files; what commands load lazily (each command, vega) stays in chunks loaded on first use.
//
//   node scripts/bundle-cli.mjs          (part of `pnpm run build`)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const outdir = join(cli, 'dist', 'bundle');

// Native code, WebAssembly and what is loaded through require() at run time stay packages of their own; the CLI
// lists each of them as a dependency so that they resolve from the bundle. Everything else is bundled, DuckDB's
// JavaScript API included (124 CommonJS files, a tenth of a second to load one by one); its native bindings are not.
const external = ['@duckdb/node-bindings', 'sharp', '@contentauth/c2pa-wasm', 'exifr', 'yaml'];
const dependencies = Object.keys(JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')).dependencies);
const unlisted = external.filter((name) => !dependencies.includes(name));
if (unlisted.length > 0) {
  throw new Error(
    `packages/cli/package.json must depend on ${unlisted.join(', ')}: the bundle loads them at run time`,
  );
}

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: join(cli, 'dist', 'main.js'),
    // Worker threads start from a file beside the module that spawns them (asset-worker-script.ts).
    'asset-worker': join(root, 'packages', 'content-credentials', 'dist', 'verify', 'asset-worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Maps back through dist/ to src/*.ts (tsc writes dist's maps); the executable turns them on with --debug.
  sourcemap: true,
  // CommonJS packages inside the bundle (commander) call require() for Node's built-in modules.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
