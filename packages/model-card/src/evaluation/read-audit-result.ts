import { AuditResultSchema, InputError, SCHEMA_VERSION, formatPath, type AuditResult } from '@rai-audit/core';

/**
 * Reads an audit result (the JSON any rai-audit command writes) through the core contract: the model card knows
 * bias results only as this document, never through the bias package. An unknown schemaVersion is refused by name.
 */
export function readAuditResult(text: string, file: string): AuditResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new InputError('is not JSON', {
      file,
      location: cause instanceof Error ? cause.message : undefined,
      hint: 'Pass the audit.json that `rai-audit bias … --format json` writes',
      cause,
    });
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof raw !== 'object' || raw === null || version === undefined) {
    throw new InputError('is not a rai-audit result: it has no schemaVersion', {
      file,
      hint: 'Pass the audit.json that `rai-audit bias … --format json` writes',
    });
  }
  if (version !== SCHEMA_VERSION) {
    throw new InputError(`has schemaVersion ${JSON.stringify(version)}, which this rai-audit does not read`, {
      file,
      location: 'schemaVersion',
      hint: `This rai-audit reads results of schemaVersion ${SCHEMA_VERSION}; re-run the audit with this version`,
    });
  }
  const parsed = AuditResultSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InputError(`breaks the AuditResult contract: ${first?.message ?? 'invalid'}`, {
      file,
      location: first ? formatPath(first.path) : undefined,
      hint: 'The file was edited or is damaged; re-run the audit that wrote it',
    });
  }
  return parsed.data;
}
