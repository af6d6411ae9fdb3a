import { CommanderError } from 'commander';
import { ExitCode, isRaiAuditError } from '@rai-audit/core';
import { processIo, type CliIo } from './io.js';
import { buildProgram } from './program.js';

function describeUnexpected(error: unknown, debug: boolean): string {
  const text = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `rai-audit: unexpected error: ${text}${stack}\n${debug ? '' : 'Run again with --debug for the stack trace; please report it.\n'}`;
}

/** Runs the CLI on argv (as process.argv: node, script, args…) and returns the exit code; never exits itself. */
export async function executeCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode: number = ExitCode.pass;
  const program = buildProgram(io, (result) => {
    exitCode = result.exitCode;
  });
  try {
    if (argv.length <= 2) {
      io.stdout(program.helpInformation());
      return ExitCode.usage;
    }
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end in a CommanderError with exit code 0; anything else is a usage error.
      return error.exitCode === 0 ? ExitCode.pass : ExitCode.usage;
    }
    if (isRaiAuditError(error)) {
      io.stderr(`rai-audit: ${error.describe()}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    io.stderr(describeUnexpected(error, debug));
    return ExitCode.input;
  }
}

/** The process entry: the only place in rai-audit that calls process.exit, after all outputs are written. */
export async function runCli(argv: readonly string[]): Promise<never> {
  // With a handler, SIGINT and SIGTERM are taken between event-loop turns, never inside the synchronous switch of a
  // report set (report-set.ts): the previous set or the new one stays whole.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => process.exit(code));
  }
  const code = await executeCli(argv);
  process.exit(code);
}
