import { z } from 'zod';
import { PolicyFileSchema } from './policy.js';
import { ModelCardSourceSchema } from './model-card/card-source.js';
import { AuditResultSchema } from './result.js';
import { RaiAuditConfigSchema } from './config/config-schema.js';

/** The JSON Schema of the AuditResult contract, generated from the zod schema (committed under schema/). */
export function auditResultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AuditResultSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The JSON Schema of policy files, for editors and for validating a policy outside rai-audit. */
export function policyFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PolicyFileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The JSON Schema of rai-audit.yaml, for editor completion (`# yaml-language-server: $schema=…`). */
export function configFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RaiAuditConfigSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The JSON Schema of model card sources (model-card.yaml), for editors' completion. */
export function modelCardSourceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ModelCardSourceSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
