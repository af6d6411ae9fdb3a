import { resolve } from 'node:path';
import type { CliIo } from '../io.js';
import { runAuditSet } from '../run-audit.js';
import type { RunCommandOptions } from '../commands/run.js';
import { parseOnly, planAreaRuns } from './area-plan.js';
import { findConfigFile } from './find-config.js';
import { loadRunConfig } from './load-config.js';
import { createLiveObserver, createLogObserver, progressColour } from './progress-display.js';

/** `rai-audit run`: the configured audits into one result; returns the exit code. */
export async function runRunCommand(io: CliIo, options: RunCommandOptions): Promise<number> {
  const only = parseOnly(options.only);
  const configFile = findConfigFile(io.cwd, options.config);
  const config = await loadRunConfig(configFile, io.cwd);
  const specs = planAreaRuns(io, config, only, resolve(io.cwd, options.out));
  const live = io.stderrIsTty === true && !options.quiet;
  if (!options.quiet)
    io.stderr(`rai-audit run: ${config.shown}: ${specs.map((spec) => spec.command).join(', ')}\n`);
  const observer = live
    ? createLiveObserver(io, specs, progressColour(io, options.color))
    : createLogObserver(io, options.quiet ?? false);
  return runAuditSet(io, options, { command: 'run', specs, observer }, async () => ({
    policy: config.policy,
    file: config.file,
  }));
}
