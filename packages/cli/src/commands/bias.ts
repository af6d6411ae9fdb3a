import { basename } from 'node:path';
import { UsageError } from '@rai-audit/core';
import { biasCheckDefinitions, biasPresets, runBiasAudit } from '@rai-audit/bias';
import type { CliIo } from '../io.js';
import { runAudit, type CommonOptions } from '../run-audit.js';

export interface BiasCommandOptions extends CommonOptions {
  attribute: string[];
  label: string;
  prediction: string;
  positiveLabel?: string;
}

/** Splits repeated, comma-separated `--attribute` values into a list of unique column names. */
export function parseColumnList(values: readonly string[]): string[] {
  const columns = values.flatMap((value) => value.split(',')).map((column) => column.trim());
  return [...new Set(columns.filter(Boolean))];
}

/** `rai-audit bias <data-file>`: per-group metrics and demographic parity of a prediction log. */
export async function runBiasCommand(
  io: CliIo,
  dataFile: string,
  options: BiasCommandOptions,
): Promise<number> {
  const attributes = parseColumnList(options.attribute);
  if (attributes.length === 0) {
    throw new UsageError('--attribute names no column', {
      hint: 'Give one or more columns: --attribute sex,race',
    });
  }
  for (const role of ['label', 'prediction'] as const) {
    if (attributes.includes(options[role])) {
      throw new UsageError(`column "${options[role]}" is given both as --attribute and as --${role}`, {
        hint: 'A sensitive attribute cannot also be the label or the prediction',
      });
    }
  }
  return runAudit(io, options, {
    command: 'bias',
    policySources: { definitions: biasCheckDefinitions, presets: biasPresets },
    inputs: [{ path: dataFile, role: 'data' }],
    run: async (policy, progress) => {
      progress(`rai-audit bias: reading ${basename(dataFile)} and aggregating ${attributes.join(', ')}…`);
      const outcome = await runBiasAudit(
        {
          file: dataFile,
          attributes,
          label: options.label,
          prediction: options.prediction,
          positiveLabel: options.positiveLabel,
        },
        policy,
      );
      return { sections: [outcome.section], checks: outcome.checks, warnings: outcome.warnings };
    },
  });
}
