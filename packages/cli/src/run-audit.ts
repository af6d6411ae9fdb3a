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
import { finishChecks } from './finish-checks.js';
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

export interface AreaOutcome {
  sections: Section[];
  checks: Check[];
  warnings: RunWarning[];
}

/**
 * An "area run": what one audit command does once its options are resolved (from flags, or from a block of
 * rai-audit.yaml). The standalone command runs one; `rai-audit run` runs several into one report.
 */
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
  ) => Promise<AreaOutcome>;
  /** Files the command writes beside the reports (a model card's README.md, …), in the same set as them. */
  artifacts?: (result: AuditResult) => Promise<Array<{ name: string; content: string }>>;
}

/** How a set of area runs is reported while it runs: one message stream per area, and when each ends. */
export interface RunObserver {
  progress: (spec: AuditSpec, index: number, message: string) => void;
  settled: (spec: AuditSpec, index: number, outcome: 'done' | 'failed') => void;
  /** Called before the summary is printed, so that a live display can step aside. */
  close: () => void;
}

/** The policy of a set of area runs, and the file it came from (hashed into the result as its policy). */
export interface LoadedPolicy {
  policy: ResolvedPolicy;
  file?: string;
}

type Timings = ReturnType<typeof stepTimings>;

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

/** Progress of a standalone command: its messages as plain lines on stderr, unless --quiet. */
function plainObserver(io: CliIo, options: CommonOptions): RunObserver {
  return {
    progress: (_spec, _index, message) => {
      if (!options.quiet) io.stderr(terminalLine(message));
    },
    settled: () => undefined,
    close: () => undefined,
  };
}

/** Runs one audit: policy, computation, the AuditResult, every report written atomically; returns the exit code. */
export async function runAudit(io: CliIo, options: CommonOptions, spec: AuditSpec): Promise<number> {
  return runAuditSet(io, options, { command: spec.command, specs: [spec] }, async () => ({
    policy: await loadPolicy(options.policy, await loadPolicySources()),
    file: options.policy,
  }));
}

/**
 * Runs area runs concurrently into ONE result and one report set in `<out>/<command>/`; returns the exit code.
 * `loadRunPolicy` runs after the output folder is checked; its errors and the areas' end the run before any report.
 */
export async function runAuditSet(
  io: CliIo,
  options: CommonOptions,
  plan: { command: string; specs: readonly AuditSpec[]; observer?: RunObserver },
  loadRunPolicy: () => Promise<LoadedPolicy>,
): Promise<number> {
  const timings = stepTimings(io);
  const formats = parseFormats(options.format);
  const dir = resolve(io.cwd, options.out, plan.command);
  await checkOutputFolder(dir);
  const observer = plan.observer ?? plainObserver(io, options);
  try {
    const loaded = await loadRunPolicy();
    timings.mark('policy');
    return await runAuditInto(dir, io, options, { ...plan, observer, loaded, formats }, timings);
  } catch (error) {
    observer.close();
    // The reports in `dir` are from an earlier run: nothing may present them as this run's.
    const stale = await setAsideStaleReports(dir);
    if (stale) io.stderr(`rai-audit: the previous reports were moved to ${displayPath(stale, io.cwd)}\n`);
    throw error;
  }
}

interface RunPlan {
  command: string;
  specs: readonly AuditSpec[];
  observer: RunObserver;
  loaded: LoadedPolicy;
  formats: ReturnType<typeof parseFormats>;
}

/** Every area's outcome, or the first area's error once all have settled (none is left running). */
async function runSpecs(plan: RunPlan, waiting: () => void): Promise<AreaOutcome[]> {
  const { policy } = plan.loaded;
  const settled = await Promise.allSettled(
    plan.specs.map(async (spec, index) => {
      try {
        const outcome = await spec.run(
          policy,
          (message) => plan.observer.progress(spec, index, message),
          waiting,
        );
        plan.observer.settled(spec, index, 'done');
        return outcome;
      } catch (error) {
        plan.observer.settled(spec, index, 'failed');
        throw error;
      }
    }),
  );
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

async function runAuditInto(
  dir: string,
  io: CliIo,
  options: CommonOptions,
  plan: RunPlan,
  timings: Timings,
): Promise<number> {
  const { policy, file: policyPath } = plan.loaded;
  const specInputs = (
    await Promise.all(
      plan.specs.map((spec) => (typeof spec.inputs === 'function' ? spec.inputs(policy) : spec.inputs)),
    )
  ).flat();
  const inputFiles = [...specInputs, ...(policyPath ? [{ path: policyPath, role: 'policy' }] : [])];
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
    if (plan.formats.includes('html')) preloadChartEngine();
  };
  const outcomes = await runSpecs(plan, waiting);
  timings.mark('audit');
  const described = (await hashing).map((settled) => {
    if (settled.status === 'rejected') throw settled.reason;
    return settled.value;
  });
  for (const [i, path] of paths.entries()) await assertUnchanged(path, before[i]);
  timings.mark('waiting for input hashes');
  const policyFile = policyPath ? described.find((input) => input.role === 'policy') : undefined;
  const createdAt = runTimestamp(io.env);
  const finished = await finishChecks(
    outcomes.flatMap((outcome) => outcome.checks),
    policy,
    createdAt,
  );
  const result = assembleAuditResult({
    command: plan.command,
    version: toolVersion(),
    createdAt,
    inputs: uniqueInputs(described.filter((input) => input.role !== 'policy')),
    policy: {
      path: policyFile?.path ?? null,
      sha256: policyFile?.sha256 ?? null,
      failOn: options.failOn ?? policy.failOn,
    },
    sections: outcomes.flatMap((outcome) => outcome.sections),
    checks: finished.checks,
    warnings: [...outcomes.flatMap((outcome) => outcome.warnings), ...finished.warnings],
  });
  const artifacts = (
    await Promise.all(plan.specs.map((spec) => (spec.artifacts ? spec.artifacts(result) : [])))
  ).flat();
  const written = await writeReports(result, dir, plan.formats, timings.mark, artifacts);
  timings.report();
  plan.observer.close();
  if (!options.quiet || result.summary.verdict !== 'pass') {
    io.stdout(formatRunSummary(result, written, io.cwd, createPainter(colorEnabled(io, options.color))));
  }
  return exitCodeForResult(result);
}

/** The same file read by two areas (a trust anchor, a data file) is listed once per role. */
function uniqueInputs<T extends { path: string; role: string }>(inputs: readonly T[]): T[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const key = `${input.role}\u0000${input.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
