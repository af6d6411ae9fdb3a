import { describe, expect, it } from 'vitest';
import { auditResultJsonSchema } from './json-schema.js';

describe('auditResultJsonSchema', () => {
  it('matches the committed JSON Schema (run `pnpm schema:update` after changing the contract)', async () => {
    const text = `${JSON.stringify(auditResultJsonSchema(), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('../schema/audit-result.schema.json');
  });
});
