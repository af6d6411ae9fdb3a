import { Command, Option } from 'commander';
import type { CliIo } from './io.js';
import type { BiasCommandOptions } from './commands/bias.js';
import { toolVersion } from './version.js';

/** What a command action hands back to the entry: the exit code. */
export type CommandResult = { exitCode: number };

const BIAS_EXAMPLES = `
Examples:
  # Audit a prediction log by sex and age group; reports go to reports/bias/
  $ rai-audit bias predictions.csv --attribute sex,age_group --label label --prediction prediction

  # String labels: say which value is the positive outcome
  $ rai-audit bias loans.parquet -a race -l outcome -p decision --positive-label approved

  # A CI gate: a policy file, every report format, exit 1 when a check at level error fails
  $ rai-audit bias preds.csv -a sex -l y -p yhat --policy rai-policy.yaml --format html,json,junit,sarif,md --out artifacts

Exit codes: 0 pass (warnings allowed), 1 an error-level check failed, 2 usage or policy error, 3 input or runtime error.`;

function addCommonOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'folder the reports are written to (a subfolder per command)', 'reports')
    .option('-f, --format <list>', 'report formats, comma-separated: html,json,junit,sarif,md', 'html,json')
    .option('--policy <file>', 'policy file (YAML or JSON): check levels and thresholds')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 on failures only, or on warnings too').choices([
        'error',
        'warn',
      ]),
    )
    .option('-q, --quiet', 'print nothing but failures and errors')
    .option('--no-color', 'no colour in terminal output')
    .option('--debug', 'show stack traces of errors');
}

/** Builds the commander program; each action lazily imports its command and stores the exit code. */
export function buildProgram(io: CliIo, done: (result: CommandResult) => void): Command {
  const program = new Command('rai-audit')
    .description(
      'Responsible-AI audits from one CLI: bias metrics, with self-contained HTML, JSON, JUnit, SARIF and Markdown reports.',
    )
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  addCommonOptions(
    program
      .command('bias')
      .summary('per-group metrics and demographic parity of a prediction log')
      .description(
        'Audit a prediction log (CSV, TSV, Parquet, JSON or NDJSON) for bias: per-group n, selection rate, accuracy, TPR and FPR, and the demographic parity difference and ratio of each sensitive attribute.',
      )
      .argument('<data-file>', 'the prediction log')
      .option(
        '-a, --attribute <columns>',
        'sensitive attribute column(s), comma-separated or repeated (required)',
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .requiredOption(
        '-l, --label <column>',
        'ground-truth column (0/1, boolean, or strings with --positive-label)',
      )
      .requiredOption('-p, --prediction <column>', 'predicted-class column')
      .option('--positive-label <value>', 'the label/prediction value that counts as positive'),
  )
    .addHelpText('after', BIAS_EXAMPLES)
    .exitOverride()
    .action(async (dataFile: string, options: BiasCommandOptions) => {
      const { runBiasCommand } = await import('./commands/bias.js');
      done({ exitCode: await runBiasCommand(io, dataFile, options) });
    });

  return program;
}
