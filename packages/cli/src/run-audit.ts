import { resolve } from 'node:path';
import {
  exitCodeForResult,
  type Check,
  type ResolvedPolicy,
  type RunWarning,
  type Section,
} from '@rai-audit/core';
import { assembleAuditResult, runTimestamp } from './audit-result.js';
import { describeInputFile } from './files.js';
import { colourEnabled, createPainter, type CliIo } from './io.js';
import { parseFormats, formatRunSummary, writeReports } from './outputs.js';
import { loadPolicySources } from './policy-catalog.js';
import { loadPolicy } from './policy-loader.js';
import { toolVersion } from './version.js';

/** Options every audit command takes (commander's global options). */
export interface CommonOptions {
  out: string;
  format: string;
  policy?: string;
  failOn?: 'error' | 'warn';
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
}

export interface InputRef {
  path: string;
  role: string;
}

export interface AuditSpec {
  command: string;
  /** The files the result lists with their sha256; a function when they depend on the policy. */
  inputs: ReadonlyArray<InputRef> | ((policy: ResolvedPolicy) => ReadonlyArray<InputRef>);
  run: (
    policy: ResolvedPolicy,
    progress: (message: string) => void,
  ) => Promise<{ sections: Section[]; checks: Check[]; warnings: RunWarning[] }>;
}

/** Runs one audit: policy, computation, the AuditResult, every report written atomically; returns the exit code. */
export async function runAudit(io: CliIo, options: CommonOptions, spec: AuditSpec): Promise<number> {
  const formats = parseFormats(options.format);
  const policy = await loadPolicy(options.policy, await loadPolicySources());
  const progress = (message: string): void => {
    if (!options.quiet) io.stderr(`${message}\n`);
  };
  const specInputs = typeof spec.inputs === 'function' ? spec.inputs(policy) : spec.inputs;
  const inputFiles = [...specInputs, ...(options.policy ? [{ path: options.policy, role: 'policy' }] : [])];
  // Inputs are hashed while the audit computes; their errors surface only after the audit's own, clearer ones.
  const hashing = Promise.allSettled(
    inputFiles.map((input) => describeInputFile(resolve(io.cwd, input.path), input.role, io.cwd)),
  );
  const outcome = await spec.run(policy, progress);
  const described = (await hashing).map((settled) => {
    if (settled.status === 'rejected') throw settled.reason;
    return settled.value;
  });
  const policyFile = options.policy ? described.find((input) => input.role === 'policy') : undefined;
  const result = assembleAuditResult({
    command: spec.command,
    version: toolVersion(),
    createdAt: runTimestamp(io.env),
    inputs: described.filter((input) => input.role !== 'policy'),
    policy: {
      path: policyFile?.path ?? null,
      sha256: policyFile?.sha256 ?? null,
      failOn: options.failOn ?? policy.failOn,
    },
    ...outcome,
  });
  const dir = resolve(io.cwd, options.out, spec.command);
  const paths = await writeReports(result, dir, formats);
  if (!options.quiet || result.summary.verdict !== 'pass') {
    io.stdout(formatRunSummary(result, paths, io.cwd, createPainter(colourEnabled(io, options.color))));
  }
  return exitCodeForResult(result);
}
