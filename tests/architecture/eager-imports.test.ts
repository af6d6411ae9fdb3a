import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagesLoadedBy } from './eager-imports.js';

const root = join(import.meta.dirname, '..', '..');

// Start-up time: every rai-audit command reads the policy catalog, and loading DuckDB, the image codecs, the C2PA
// WebAssembly or vega costs a tenth to a third of a second each. These entries must stay light.
describe('light entry points', () => {
  it('the bias check definitions load no DuckDB', () => {
    const loaded = packagesLoadedBy(root, 'packages/bias/src/checks.ts');
    expect(loaded).not.toContain('@duckdb/node-api');
    expect(packagesLoadedBy(root, 'packages/bias/src/index.ts')).toContain('@duckdb/node-api');
  });

  it('the content-credentials check definitions load no image codec and no C2PA', () => {
    const loaded = packagesLoadedBy(root, 'packages/content-credentials/src/checks.ts');
    for (const heavy of ['sharp', 'exifr', '@contentauth/c2pa-wasm']) expect(loaded).not.toContain(heavy);
    expect(packagesLoadedBy(root, 'packages/content-credentials/src/index.ts')).toContain('sharp');
  });

  it('the policy catalog, including what it imports lazily, loads none of them', () => {
    const loaded = packagesLoadedBy(root, 'packages/cli/src/policy-catalog.ts', true);
    for (const heavy of ['@duckdb/node-api', 'sharp', 'exifr', '@contentauth/c2pa-wasm', 'vega'])
      expect(loaded).not.toContain(heavy);
  });

  it('core loads the YAML parser only when it reads a policy', () => {
    expect(packagesLoadedBy(root, 'packages/core/src/index.ts')).not.toContain('yaml');
    expect(packagesLoadedBy(root, 'packages/core/src/policy-document.ts', true)).toContain('yaml');
  });

  it('the report package loads vega and vega-lite only when it renders a chart', () => {
    const loaded = packagesLoadedBy(root, 'packages/report/src/index.ts');
    expect(loaded).not.toContain('vega');
    expect(loaded).not.toContain('vega-lite');
    expect(packagesLoadedBy(root, 'packages/report/src/charts/vega-engine.ts')).toContain('vega');
  });
});
