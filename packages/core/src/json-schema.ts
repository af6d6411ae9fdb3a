import { z } from 'zod';
import { AuditResultSchema } from './result.js';

/** The JSON Schema of the AuditResult contract, generated from the zod schema (committed under schema/). */
export function auditResultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AuditResultSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
