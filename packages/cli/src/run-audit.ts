import { resolve } from 'node:path';
import {
  createStepTimer,
  exitCodeForResult,
  formatTimings,
  type AuditResult,
  type Check,
  type ResolvedPolicy,
  type RunWarning,
  type Section,
} from '@rai-audit/core';
import { assembleAuditResult, runTimestamp } from './audit-result.js';
import { assertUnchanged, describeInputFile, displayPath, fileState } from './files.js';
import { colorEnabled, createPainter, terminalLine, type CliIo } from './io.js';
import { preloadChartEngine } from '@rai-audit/report';
import { parseFormats, formatRunSummary, writeReports } from './outputs.js';
import { checkOutputFolder } from './output-folder.js';
import { loadPolicySources } from './policy-catalog.js';
import { loadPolicy } from './policy-loader.js';
import { setAsideStaleReports } from './report-set.js';
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
  /**
   * The files the result lists with their sha256; a function when they depend on the policy or must be looked up
   * (a glob, a folder), so that its errors are the run's.
   */
  inputs:
    | ReadonlyArray<InputRef>
    | ((policy: ResolvedPolicy) => ReadonlyArray<InputRef> | Promise<ReadonlyArray<InputRef>>);
  /**
   * The audit's computation. It calls `waiting` when it starts a long wait on native work (a DuckDB query, image
   * decoding in workers), so that the run can prepare the reports on the idle main thread meanwhile.
   */
  run: (
    policy: ResolvedPolicy,
    progress: (message: string) => void,
    waiting: () => void,
  ) => Promise<{ sections: Section[]; checks: Check[]; warnings: RunWarning[] }>;
  /** Files the command writes beside the reports (a model card's README.md, …), in the same set as them. */
  artifacts?: (result: AuditResult) => Promise<Array<{ name: string; content: string }>>;
}

/**
 * With RAI_AUDIT_TIMINGS=1, one stderr line with how long each stage of the run took (the benchmark reads it);
 * `start-up` is the time from the process's start to the run's (Node, loading rai-audit's modules).
 */
function stepTimings(io: CliIo): { mark: (step: string) => void; report: () => void } {
  const timer = createStepTimer(() => performance.now(), 0);
  timer.mark('start-up');
  return {
    mark: timer.mark,
    report: () => {
      if (io.env.RAI_AUDIT_TIMINGS === '1')
        io.stderr(`rai-audit: run timings: ${formatTimings(timer.timings())}\n`);
    },
  };
}

/** Runs one audit: policy, computation, the AuditResult, every report written atomically; returns the exit code. */
export async function runAudit(io: CliIo, options: CommonOptions, spec: AuditSpec): Promise<number> {
  const timings = stepTimings(io);
  const formats = parseFormats(options.format);
  const dir = resolve(io.cwd, options.out, spec.command);
  await checkOutputFolder(dir);
  try {
    return await runAuditInto(dir, io, options, spec, formats, timings);
  } catch (error) {
    // The reports in `dir` are from an earlier run: nothing may present them as this run's.
    const stale = await setAsideStaleReports(dir);
    if (stale) io.stderr(`rai-audit: the previous reports were moved to ${displayPath(stale, io.cwd)}\n`);
    throw error;
  }
}

async function runAuditInto(
  dir: string,
  io: CliIo,
  options: CommonOptions,
  spec: AuditSpec,
  formats: ReturnType<typeof parseFormats>,
  timings: ReturnType<typeof stepTimings>,
): Promise<number> {
  const policy = await loadPolicy(options.policy, await loadPolicySources());
  const progress = (message: string): void => {
    if (!options.quiet) io.stderr(terminalLine(message));
  };
  timings.mark('policy');
  const specInputs = typeof spec.inputs === 'function' ? await spec.inputs(policy) : spec.inputs;
  const inputFiles = [...specInputs, ...(options.policy ? [{ path: options.policy, role: 'policy' }] : [])];
  const paths = inputFiles.map((input) => resolve(io.cwd, input.path));
  // Each input's state before the audit reads it: a file that changes during the run (truncated, appended to,
  // replaced) would be audited in part, with a sha256 of no version of it; the run then fails instead.
  const before = await Promise.all(paths.map(fileState));
  // Inputs are hashed while the audit computes; their errors surface only after the audit's own, clearer ones.
  const hashing = Promise.allSettled(
    inputFiles.map((input, i) => describeInputFile(paths[i] ?? '', input.role, io.cwd, before[i])),
  );
  // While the audit waits on native work, the HTML report's chart engine loads (otherwise it loads when rendering).
  const waiting = (): void => {
    if (formats.includes('html')) preloadChartEngine();
  };
  const outcome = await spec.run(policy, progress, waiting);
  timings.mark('audit');
  const described = (await hashing).map((settled) => {
    if (settled.status === 'rejected') throw settled.reason;
    return settled.value;
  });
  for (const [i, path] of paths.entries()) await assertUnchanged(path, before[i]);
  timings.mark('waiting for input hashes');
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
  const artifacts = spec.artifacts ? await spec.artifacts(result) : [];
  const written = await writeReports(result, dir, formats, timings.mark, artifacts);
  timings.report();
  if (!options.quiet || result.summary.verdict !== 'pass') {
    io.stdout(formatRunSummary(result, written, io.cwd, createPainter(colorEnabled(io, options.color))));
  }
  return exitCodeForResult(result);
}
