import { basename } from 'node:path';
import { UsageError, formatTimings } from '@rai-audit/core';
import { checkBiasAuditOptions, emitAggregationSql, resolveInputFiles, runBiasAudit } from '@rai-audit/bias';
import type { CliIo } from '../io.js';
import { loadPolicySources } from '../policy-catalog.js';
import { loadPolicy } from '../policy-loader.js';
import { runAudit, type AuditSpec, type CommonOptions } from '../run-audit.js';
import { biasAuditOptions, type BiasFlags } from './bias-options.js';

export { parseColumnList } from './bias-options.js';

export interface BiasCommandOptions extends CommonOptions, BiasFlags {}

/** Data files xor --emit-sql xor --from-counts. */
export function assertInputs(files: readonly string[], options: BiasFlags): void {
  if (options.emitSql !== undefined && options.fromCounts !== undefined) {
    throw new UsageError('--emit-sql and --from-counts cannot be combined', {
      hint: 'First print the query with --emit-sql, run it where the data is, then audit its result with --from-counts',
    });
  }
  const needsData = options.emitSql === undefined && options.fromCounts === undefined;
  if (needsData && files.length === 0) {
    throw new UsageError('no data file given', {
      hint: 'Name a data file, a glob or a folder of Parquet parts: rai-audit bias predictions.csv -a sex -l label -p prediction',
    });
  }
  if (!needsData && files.length > 0) {
    const flag = options.emitSql !== undefined ? '--emit-sql' : '--from-counts';
    throw new UsageError(`${flag} reads no data file, but ${files.join(', ')} was given`, {
      hint: `Leave out the data file with ${flag}`,
    });
  }
}

/**
 * Flags the command line leaves out are taken from the policy's `bias:` block (columns named once in a config
 * file); the command line wins. Without a label from either, the command cannot run.
 */
async function withPolicyColumns(options: BiasCommandOptions): Promise<BiasCommandOptions> {
  const columns = options.policy
    ? (await loadPolicy(options.policy, await loadPolicySources())).bias
    : undefined;
  const merged: BiasCommandOptions = {
    ...options,
    attribute: options.attribute?.length ? options.attribute : (columns?.attributes ?? []),
    label: options.label ?? columns?.label,
    prediction: options.prediction ?? columns?.prediction,
    score: options.score ?? columns?.score,
    weight: options.weight ?? columns?.weight,
    positiveLabel: options.positiveLabel ?? columns?.positiveLabel,
  };
  if (merged.label === undefined) {
    throw new UsageError("required option '-l, --label <column>' not specified", {
      hint: 'Name the ground-truth column with --label, or as bias.label in the policy file',
    });
  }
  return merged;
}

/**
 * The bias area run: the audit of `files` with resolved flags (from the command line and policy, or from a `bias`
 * block of rai-audit.yaml). Bad options are usage errors here, before any work starts.
 */
export function biasAreaRun(
  io: CliIo,
  files: readonly string[],
  flags: BiasFlags,
  label = 'bias',
): AuditSpec {
  const audit = biasAuditOptions(files, flags, io.cwd);
  // Numeric options are checked before any input is opened or hashed.
  checkBiasAuditOptions(audit);
  return {
    command: label,
    inputs: async () =>
      flags.fromCounts !== undefined
        ? [{ path: flags.fromCounts, role: 'counts' }]
        : (await resolveInputFiles(files)).files.map((path) => ({ path, role: 'data' })),
    run: async (policy, progress, waiting) => {
      const shown = flags.fromCounts ?? files.map((file) => basename(file)).join(', ');
      progress(`rai-audit ${label}: reading ${shown} and aggregating ${audit.attributes.join(', ')}…`);
      const outcome = await runBiasAudit(audit, policy, { aggregating: waiting });
      if (io.env.RAI_AUDIT_TIMINGS === '1')
        io.stderr(`rai-audit ${label}: timings: ${formatTimings(outcome.timings)}\n`);
      return { sections: [outcome.section], checks: outcome.checks, warnings: outcome.warnings };
    },
  };
}

/** `rai-audit bias <data…>`: per-group metrics, disparities and summaries of a prediction log, or a dataset audit. */
export async function runBiasCommand(
  io: CliIo,
  files: readonly string[],
  options: BiasCommandOptions,
): Promise<number> {
  assertInputs(files, options);
  const merged = await withPolicyColumns(options);
  if (options.emitSql !== undefined) {
    (io.data ?? io.stdout)(
      await emitAggregationSql(options.emitSql, biasAuditOptions(files, merged, io.cwd)),
    );
    return 0;
  }
  return runAudit(io, options, biasAreaRun(io, files, merged));
}
