#!/usr/bin/env node
// Runs before `pnpm pack` / `npm pack` / `npm publish` of packages/cli (its `prepack` script): the tarball carries
// the repository's LICENSE, and a bundle that exists and is newer than every source file it was built from.
// It does not build: `pnpm run build` at the root does (tsc -b, then scripts/bundle-cli.mjs with its checks).
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const bundle = join(cli, 'dist', 'bundle', 'main.js');

function fail(message) {
  console.error(`prepack of packages/cli: ${message}`);
  process.exit(1);
}

/** The most recently modified .ts file under a folder (node_modules, dist and tests aside). */
function newestSource(dir, newest = { file: '', time: 0 }) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') newestSource(path, newest);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      const time = statSync(path).mtimeMs;
      if (time > newest.time) Object.assign(newest, { file: path, time });
    }
  }
  return newest;
}

if (!existsSync(bundle))
  fail('dist/bundle/main.js is missing: run `pnpm run build` at the repository root first');
const built = statSync(bundle).mtimeMs;
for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  if (!existsSync(src)) continue;
  const newest = newestSource(src);
  if (newest.time > built) {
    fail(`${relative(root, newest.file)} changed after the bundle was built: run \`pnpm run build\` first`);
  }
}
copyFileSync(join(root, 'LICENSE'), join(cli, 'LICENSE'));
