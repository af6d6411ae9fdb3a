import type { AuditResult } from '@rai-audit/core';

/** The result as stable, 2-space indented JSON with a trailing newline: the machine-readable contract itself. */
export function renderJsonReport(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
