#!/usr/bin/env node
// Bundles the built CLI (packages/cli/dist, from `tsc -b`) into packages/cli/dist/bundle/, which the `rai-audit`
// executable runs. Node 20 loads ES modules one file at a time: the CLI and its workspace packages are about 230
// of them, vega another 100, and loading them took a third of a second before a command started. The bundle is a
// handful of files; what commands load lazily (each command, vega) stays in chunks loaded on first use.
//
// The bundle is also what makes packages/cli installable on its own: it contains our code and every pure
// JavaScript dependency, so the package's `dependencies` are only what the bundle loads at run time. After
// bundling, this script checks that rule against what esbuild actually bundled (scripts/cli-package-rules.mjs)
// and fails the build, removing the bundle, when packages/cli/package.json breaks it.
//
//   node scripts/bundle-cli.mjs          (part of `pnpm run build`)
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCliPackage } from './cli-package-rules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const outdir = join(cli, 'dist', 'bundle');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// Native code, WebAssembly and what is loaded through require() at run time stay packages of their own; the CLI
// lists each of them as a dependency so that they resolve from the bundle. Everything else is bundled, DuckDB's
// JavaScript API included (124 CommonJS files, a tenth of a second to load one by one); its native bindings are not.
const external = ['@duckdb/node-bindings', 'sharp', '@contentauth/c2pa-wasm', 'exifr', 'yaml', 'cbor-x'];
// Imported by bundled code inside a try/catch, and never needed: vega renders to SVG here, not to a canvas.
const optional = { canvas: "vega's optional canvas renderer" };

await rm(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
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
  metafile: true,
  // Maps back through dist/ to src/*.ts (tsc writes dist's maps); the executable turns them on with --debug.
  sourcemap: true,
  // CommonJS packages inside the bundle (commander) call require() for Node's built-in modules.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

/** The version of `name` that Node resolves from `fromDir` (relative to the root), as its package.json says. */
function installedVersion(name, fromDir) {
  for (let dir = realpathSync(join(root, fromDir)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return readJson(manifest).version;
    if (dirname(dir) === dir) return undefined;
  }
}

const workspace = new Map(
  readdirSync(join(root, 'packages'))
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .map((dir) => [`packages/${dir}`, readJson(join(root, 'packages', dir, 'package.json'))]),
);
const problems = checkCliPackage({
  manifest: readJson(join(cli, 'package.json')),
  cliDir: 'packages/cli',
  workspace,
  metafile,
  external,
  optional,
  installedVersion,
});
if (problems.length > 0) {
  await rm(outdir, { recursive: true, force: true });
  console.error(
    `scripts/bundle-cli.mjs: packages/cli cannot be installed on its own as it stands; the bundle was removed:\n` +
      problems.map((problem) => `  - ${problem}`).join('\n'),
  );
  process.exit(1);
}
