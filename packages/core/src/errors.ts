/** Exit codes shared by every command (DESIGN.md): 0 pass, 1 an error-level check failed, 2 usage, 3 input or runtime. */
export const ExitCode = {
  pass: 0,
  policyFailure: 1,
  usage: 2,
  input: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorKind = 'usage' | 'input' | 'policy-failure' | 'internal';

export interface ErrorDetails {
  /** The file the problem is in, as the user named it. */
  file?: string;
  /** Where in the file: `line 12`, `checks["bias.x"][1].min`, `column "race"`. */
  location?: string;
  /** What the user can do about it, one sentence. */
  hint?: string;
  /** Further lines, one problem each (every issue of a policy file): printed under the message, each escaped. */
  lines?: readonly string[];
  cause?: unknown;
}

/** Base of every error rai-audit reports to a user; the CLI turns `exitCode` into the process exit code. */
export abstract class RaiAuditError extends Error {
  abstract readonly kind: ErrorKind;
  abstract readonly exitCode: ExitCode;
  readonly file?: string;
  readonly location?: string;
  readonly hint?: string;
  readonly lines: readonly string[];

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.file = details.file;
    this.location = details.location;
    this.hint = details.hint;
    this.lines = details.lines ?? [];
  }

  /** One paragraph: where, what, and the fix. */
  describe(): string {
    const where = [this.file, this.location].filter(Boolean).join(': ');
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}. ${this.hint}` : head;
  }
}

/** Wrong flags, a bad option value, an invalid policy or configuration file (exit 2). */
export class UsageError extends RaiAuditError {
  readonly kind = 'usage' as const;
  readonly exitCode = ExitCode.usage;
}

/** An input that cannot be read or does not have the expected content (exit 3). */
export class InputError extends RaiAuditError {
  readonly kind = 'input' as const;
  readonly exitCode = ExitCode.input;
}

/** The audit ran and an error-level check failed (exit 1); outputs have been written. */
export class PolicyFailureError extends RaiAuditError {
  readonly kind = 'policy-failure' as const;
  readonly exitCode = ExitCode.policyFailure;
}

/** A bug or an unexpected runtime failure (exit 3). */
export class InternalError extends RaiAuditError {
  readonly kind = 'internal' as const;
  readonly exitCode = ExitCode.input;
}

export function isRaiAuditError(value: unknown): value is RaiAuditError {
  return value instanceof RaiAuditError;
}
