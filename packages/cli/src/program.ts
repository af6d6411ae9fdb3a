import { Command, Option } from 'commander';
import { terminalLine, type CliIo } from './io.js';
import type { BiasCommandOptions } from './commands/bias.js';
import { toolVersion } from './version.js';
import { addCommonOptions } from './common-options.js';
import { registerAssetsCommand } from './commands/assets.js';
import { registerRunCommand } from './commands/run.js';
import { registerCardCommand } from './commands/card.js';
import { registerDataCommand } from './commands/data.js';

/** What a command action hands back to the entry: the exit code. */
export type CommandResult = { exitCode: number };

const BIAS_EXAMPLES = `
Examples:
  # Prediction audit by sex and race, with their intersection; reports go to reports/bias/
  $ rai-audit bias predictions.csv -a sex,race --intersect sex,race -l label -p prediction

  # Reference groups, a stricter parity band, age cut into bins, 2000 bootstrap draws
  $ rai-audit bias preds.parquet -a race,age --bins age=18,25,45,65 -l y -p yhat \\
      --reference race=White --tau 0.9 --bootstrap 2000 --seed 7

  # Score audit: predictions from the top 10 % of scores; sweep, ROC and calibration per group
  $ rai-audit bias scores.csv -a sex -l label --score risk --top-percent 10
  $ rai-audit bias scores.csv -a race -l label --score risk --thresholds race:White=0.5,Black=0.45 --threshold 0.5

  # Dataset audit (no predictions): representation against expected shares, label rates, missing values, proxies
  $ rai-audit bias train.parquet -a sex,race -l y --expected-shares sex:female=0.5,male=0.5

  # Warehouse scale: print the one aggregation query, run it where the data is, audit its result
  $ rai-audit bias --emit-sql analytics.predictions -a sex,race -l label -p prediction > counts.sql
  $ rai-audit bias --from-counts counts.parquet -a sex,race -l label -p prediction

  # A folder of Parquet parts, or a glob (quote it so the shell leaves it alone)
  $ rai-audit bias 'logs/2024-*.csv' -a sex -l y -p yhat --policy rai-policy.yaml --format html,json,junit,sarif,md

Inputs: CSV, TSV, Parquet, JSON, NDJSON; one file, a glob, or a folder of Parquet parts.
--thresholds: per-group score cut-offs for the groups of the first --attribute (ATTRIBUTE:GROUP=T,GROUP=T;
  groups not listed use --threshold). --top-k/--top-percent: the exact k-th highest score is the cut-off (one extra
  query; ties at it are all selected). --quantiles: edges are the discrete quantiles of the column (one extra query).
--reference: ATTRIBUTE=GROUP (repeatable), or largest (default) / min-metric:METRIC for every attribute, or
  ATTRIBUTE:largest / ATTRIBUTE:min-metric:METRIC for one. An intersection is named a+b: --reference 'race+sex=White|male'.
--expected-shares: a JSON file {"sex": {"female": 0.5, "male": 0.5}} or inline ATTRIBUTE:GROUP=SHARE,… (repeatable).
Timings of each step on stderr with RAI_AUDIT_TIMINGS=1.

Exit codes: 0 pass (warnings allowed), 1 an error-level check failed, 2 usage or policy error, 3 input or runtime error.`;

const collect = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** The bias command's data argument and its column, score and grouping options. */
function addBiasOptions(command: Command): Command {
  return command
    .summary('per-group metrics, disparities and uncertainty of a prediction log or a dataset')
    .description(
      'Audit a prediction log (or, without --prediction and --score, a training dataset) for bias: every per-group ' +
        'rate with Wilson intervals, disparities against reference groups with parity verdicts, Fairlearn-style ' +
        'summaries with bootstrap intervals, score analyses, all from one aggregation query on DuckDB.',
    )
    .argument(
      '[data...]',
      'data file(s): CSV, TSV, Parquet, JSON, NDJSON; a glob; or a folder of Parquet parts',
    )
    .option(
      '-a, --attribute <columns>',
      'sensitive attribute column(s), comma-separated or repeated (required)',
      collect,
    )
    .option(
      '-l, --label <column>',
      'ground-truth column (0/1, boolean, or strings with --positive-label) (required)',
    )
    .option('-p, --prediction <column>', 'predicted-class column; without it and --score: a dataset audit')
    .option('--positive-label <value>', 'the label/prediction value that counts as positive')
    .option(
      '--score <column>',
      'score column: score metrics, sweep, ROC, calibration; predictions from a rule below',
    )
    .option('--threshold <t>', 'predict positive when score >= t (the default of --thresholds)')
    .option('--top-k <k>', 'predict positive for the k highest scores')
    .option('--top-percent <p>', 'predict positive for the highest p % of scores')
    .option('--thresholds <spec>', 'per-group cut-offs for the first attribute: race:White=0.5,Black=0.45')
    .option('--score-bins <n>', 'score histogram bins (default 200)')
    .option('--weight <column>', 'non-negative row weights: weighted confusion cells')
    .option(
      '--intersect <columns>',
      'audit an intersection, e.g. race,sex (repeatable), or all-pairs',
      collect,
    )
    .option(
      '--bins <attr=edges>',
      'cut a numeric attribute at edges, e.g. age=18,25,45,65 (repeatable)',
      collect,
    )
    .option(
      '--quantiles <attr=n>',
      'cut a numeric attribute into n quantile buckets, e.g. age=4 (repeatable)',
      collect,
    )
    .addOption(
      new Option(
        '--missing <rule>',
        'rows without an attribute value: own group, left out, or an error',
      ).choices(['group', 'drop', 'error']),
    );
}

/** The bias command's comparison, uncertainty, dataset and warehouse options. */
function addBiasAnalysisOptions(command: Command): Command {
  return command
    .option(
      '--reference <spec>',
      'reference group: race=White (repeatable), largest, min-metric:fpr',
      collect,
    )
    .option('--tau <t>', 'parity band [tau, 1/tau] (default 0.8, the four-fifths rule)')
    .option(
      '--min-group-size <n>',
      'smaller groups get insufficient-data verdicts and are left out of the summaries (default 30)',
    )
    .addOption(
      new Option(
        '--summary-groups <which>',
        'groups the DP/EO/EOpp summaries compare: sufficient (n >= --min-group-size) or all (Fairlearn)',
      ).choices(['sufficient', 'all']),
    )
    .option(
      '--bootstrap <n>',
      'bootstrap draws for intervals on disparities and summaries (default 1000; 0: none)',
    )
    .option('--seed <n>', 'seed of the bootstrap (default 0)')
    .option('--level <p>', 'interval level (default 0.95)')
    .option(
      '--expected-shares <spec>',
      'dataset audit: FILE.json or sex:female=0.5,male=0.5 (repeatable)',
      collect,
    )
    .option('--features <columns>', 'dataset audit: columns to test as proxies (default: all other columns)')
    .option(
      '--emit-sql <table>',
      'print the aggregation query for a warehouse table and exit (reads no data)',
    )
    .option(
      '--from-counts <file>',
      'audit a counts table produced by the --emit-sql query (CSV, Parquet, …)',
    );
}

const PROGRAM_EXAMPLES = `
Examples:
  # Bias audit of a prediction log; reports (HTML, JSON, …) go to reports/bias/, exit 1 when a gate fails
  $ rai-audit bias predictions.csv -a sex,race -l label -p prediction --policy rai-policy.yaml

  # Dataset audit (no predictions): representation, label base rates, missing values, proxies
  $ rai-audit bias train.parquet -a sex -l y --expected-shares sex:female=0.5,male=0.5

  # Verify the content credentials and watermarks of generated images
  $ rai-audit assets verify generated/ --policy rai-policy.yaml

  # Every flag of a command, with more examples
  $ rai-audit bias --help
  $ rai-audit assets verify --help

Exit codes: 0 pass, 1 a gate failed, 2 usage or policy error, 3 input or runtime error.`;

/** Builds the commander program; each action lazily imports its command and stores the exit code. */
export function buildProgram(io: CliIo, done: (result: CommandResult) => void): Command {
  const program = new Command('rai-audit')
    .description(
      'Responsible-AI audits from one CLI: bias metrics, with self-contained HTML, JSON, JUnit, SARIF and Markdown reports.',
    )
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // commander's errors quote the user's arguments: one escaped line each.
      outputError: (text, write) => write(terminalLine(text.replace(/\n$/, ''))),
    })
    .addHelpText('after', PROGRAM_EXAMPLES)
    .exitOverride();

  addCommonOptions(addBiasAnalysisOptions(addBiasOptions(program.command('bias'))))
    .addHelpText('after', BIAS_EXAMPLES)
    .exitOverride()
    .action(async (dataFiles: string[], options: BiasCommandOptions) => {
      const { runBiasCommand } = await import('./commands/bias.js');
      done({ exitCode: await runBiasCommand(io, dataFiles, options) });
    });

  registerAssetsCommand(program, io, done);
  registerRunCommand(program, io, done);
  registerCardCommand(program, io, done);
  registerDataCommand(program, io, done);
  return program;
}
