#!/usr/bin/env node
// With --debug, stack traces name the TypeScript sources (through the bundle's source maps) instead of the bundle.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

// The bundle of dist/ (scripts/bundle-cli.mjs): the same code, loaded in a fraction of the time.
const { runCli } = await import('../dist/bundle/main.js');
await runCli(process.argv);
