import { Option, type Command } from 'commander';

/** The options every audit command takes (their values arrive as `CommonOptions` in run-audit.ts). */
export function addCommonOptions(command: Command): Command {
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
