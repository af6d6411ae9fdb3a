#!/usr/bin/env node
// The bundle of dist/ (scripts/bundle-cli.mjs): the same code, loaded in a fraction of the time.
import { runCli } from '../dist/bundle/main.js';

await runCli(process.argv);
