import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

// Issue 8 items 3, 7 and 8: the package exports what its users need, in American English, and ships no test code.
describe('the public API of @rai-audit/content-credentials', () => {
  it('keeps building blocks internal', () => {
    for (const internal of [
      'expandBraces',
      'globToRegExp',
      'createGlobMatcher',
      'collectAssets',
      'runWorkerPool',
      'serveWorkerTasks',
      'haarInverse2d',
      'haarForward2d',
      'computeBlockVotes',
      'chromaUInt8',
      'readPngXmpPackets',
      'gatherAssetEvidence',
    ])
      expect(Object.keys(api)).not.toContain(internal);
  });

  it('exports what the CLI and the README use', () => {
    for (const name of [
      'verifyAssets',
      'parseTrustAnchorsPem',
      'contentCredentialsCheckDefinitions',
      'detectWatermark',
      'detectDwtDct',
      'readContentCredentials',
      'normalizeDigitalSourceType',
    ])
      expect(Object.keys(api)).toContain(name);
  });

  it('uses one spelling in public names', () => {
    expect(Object.keys(api).filter((name) => /(?:is(?:e|ation)|our)(?:[A-Z]|$)/.test(name))).toEqual([]);
  });

  it('has no test helper under src/', () => {
    const src = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(src, { recursive: true }).map(String);
    expect(files.filter((file) => /(^|\/)test-[^/]*\.ts$/.test(file))).toEqual([]);
  });
});
