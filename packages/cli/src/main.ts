import { CommanderError } from 'commander';
import { ExitCode, isRaiAuditError } from '@rai-audit/core';
import { processIo, terminalLine, terminalSafeIo, type CliIo } from './io.js';
import { buildProgram } from './program.js';

/** A stack trace, one escaped line per frame (messages in it may carry a user's values). */
function stackLines(error: unknown): string {
  const stack = error instanceof Error ? error.stack : undefined;
  return stack ? stack.split('\n').map(terminalLine).join('') : '';
}

function describeUnexpected(error: unknown, debug: boolean): string {
  const text = error instanceof Error ? error.message : String(error);
  const stack = debug ? stackLines(error) : '';
  return `${terminalLine(`rai-audit: unexpected error: ${text}`)}${stack}${debug ? '' : 'Run again with --debug for the stack trace; please report it.\n'}`;
}

/** Runs the CLI on argv (as process.argv: node, script, args…) and returns the exit code; never exits itself. */
export async function executeCli(argv: readonly string[], rawIo: CliIo = processIo()): Promise<number> {
  const io = terminalSafeIo(rawIo);
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
      io.stderr(terminalLine(`rai-audit: ${error.describe()}`));
      // One problem a line, each escaped on its own: a value inside cannot start a line of its own.
      for (const line of error.lines) io.stderr(terminalLine(`  ${line}`));
      if (debug) io.stderr(stackLines(error));
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
