import { Option, type Command } from 'commander';

/**
 * The options every audit command takes (their values arrive as `CommonOptions` in run-audit.ts). `rai-audit run`
 * leaves out `--policy` (its policy is in the config file) and says where its reports go.
 */
export function addCommonOptions(
  command: Command,
  { policy = true, outHelp = 'folder the reports are written to (a subfolder per command)' } = {},
): Command {
  command
    .option('-o, --out <dir>', outHelp, 'reports')
    .option('-f, --format <list>', 'report formats, comma-separated: html,json,junit,sarif,md', 'html,json');
  if (policy) command.option('--policy <file>', 'policy file (YAML or JSON): check levels and thresholds');
  return command
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
