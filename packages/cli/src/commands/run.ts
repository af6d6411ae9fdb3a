import { Option, type Command } from 'commander';
import { addCommonOptions } from '../common-options.js';
import type { CliIo } from '../io.js';
import type { CommonOptions } from '../run-audit.js';

// Repeated from run/area-plan.ts so that --help does not load the audits.
const RUN_AREAS = ['bias', 'data', 'model-card', 'assets'];

export interface RunCommandOptions extends Omit<CommonOptions, 'policy'> {
  config?: string;
  only?: string;
}

const RUN_EXAMPLES = `
Examples:
  # Every audit rai-audit.yaml describes (found in this folder or one above, up to the repository root)
  $ rai-audit run

  # Only some areas, every report format, into artifacts/run/
  $ rai-audit run --only bias,assets --format html,json,junit,sarif,md --out artifacts

  # Another config file
  $ rai-audit run --config ci/rai-audit.yaml

The reports (one set for all areas) go to <out>/run/: index.html, audit.json, junit.xml, audit.sarif, summary.md.
Write a starter config with \`rai-audit init\`; compare two runs with \`rai-audit diff OLD.json NEW.json\`.

Exit codes: 0 pass (warnings allowed), 1 an error-level check failed, 2 usage or configuration error, 3 input or runtime error.`;

/** Adds `rai-audit run`, `init` and `diff`; their code is imported only when they run. */
export function registerRunCommand(
  program: Command,
  io: CliIo,
  done: (result: { exitCode: number }) => void,
): void {
  const run = program
    .command('run')
    .summary('run every audit rai-audit.yaml describes into one report and one verdict')
    .description(
      'Run the audits of rai-audit.yaml (bias, model card, data provenance, content credentials; independent ones ' +
        'concurrently) with its policy and waivers, and write ONE combined report set.',
    )
    .option('--config <file>', 'the config file (default: rai-audit.yaml here or in a folder above)')
    .option('--only <areas>', `areas to run, comma-separated: ${RUN_AREAS.join(',')}`);
  addCommonOptions(run, { policy: false, outHelp: 'folder the reports are written to (in <dir>/run/)' })
    .addHelpText('after', RUN_EXAMPLES)
    .exitOverride()
    .action(async (options: RunCommandOptions) => {
      const { runRunCommand } = await import('../run/run-command.js');
      done({ exitCode: await runRunCommand(io, options) });
    });
  program
    .command('init')
    .summary('write a starter rai-audit.yaml from what the repository holds, each choice explained')
    .option('--config <file>', 'the file to write', 'rai-audit.yaml')
    .option('--force', 'replace an existing file')
    .exitOverride()
    .action(async (options: { config: string; force?: boolean }) => {
      const { runInitCommand } = await import('../init/init-command.js');
      done({ exitCode: await runInitCommand(io, options) });
    });
  program
    .command('diff')
    .summary('what changed between two runs: checks, metrics beyond their intervals, asset credentials')
    .argument('<old>', 'audit.json of the earlier run (e.g. the base branch)')
    .argument('<new>', 'audit.json of the later run')
    .addOption(new Option('-f, --format <format>', 'md (a pull-request comment) or json').default('md'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--exit-code', 'exit 1 when a check started failing or an asset lost credentials')
    .exitOverride()
    .action(
      async (older: string, newer: string, options: { format: string; out?: string; exitCode?: boolean }) => {
        const { runDiffCommand } = await import('../diff/diff-command.js');
        done({ exitCode: await runDiffCommand(io, older, newer, options) });
      },
    );
}
