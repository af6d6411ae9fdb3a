import { describe, expect, it } from 'vitest';
import {
  auditResultJsonSchema,
  configFileJsonSchema,
  modelCardSourceJsonSchema,
  policyFileJsonSchema,
} from './json-schema.js';

describe('generated JSON Schemas', () => {
  it('matches the committed JSON Schema (run `pnpm schema:update` after changing the contract)', async () => {
    const text = `${JSON.stringify(auditResultJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/audit-result.schema.json');
  });

  it('policy files: matches the committed JSON Schema', async () => {
    const text = `${JSON.stringify(policyFileJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/policy.schema.json');
  });

  it('rai-audit.yaml: matches the committed JSON Schema', async () => {
    const text = `${JSON.stringify(configFileJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/config.schema.json');
  });

  it('model card sources: matches the committed JSON Schema', async () => {
    const text = `${JSON.stringify(modelCardSourceJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/model-card.schema.json');
  });
});
