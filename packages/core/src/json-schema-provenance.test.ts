import { describe, expect, it } from 'vitest';
import { provenanceLedgerJsonSchema, provenanceLockJsonSchema } from './json-schema-provenance.js';

describe('generated JSON Schemas of the provenance files', () => {
  it('provenance.yaml: matches the committed JSON Schema (run `pnpm schema:update` after changing it)', async () => {
    const text = `${JSON.stringify(provenanceLedgerJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/provenance-ledger.schema.json');
  });

  it('provenance.lock.json: matches the committed JSON Schema', async () => {
    const text = `${JSON.stringify(provenanceLockJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/provenance-lock.schema.json');
  });
});
