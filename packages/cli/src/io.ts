import { escapeTerminalText, escapeTerminalValue } from './terminal-text.js';

/** Where the CLI writes text; tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Machine-readable output (the SQL of --emit-sql), written as is; stdout when absent. */
  data?: (text: string) => void;
  /** True when stdout is a terminal that may get colour. */
  isTty: boolean;
  /** True when stderr is a terminal: progress is then a live display rather than log lines. */
  stderrIsTty?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * The one place output is written: text for stdout and stderr has every control and bidi character escaped
 * except its line ends and the painter's colours (`escapeTerminalText`); `data` is passed through unchanged.
 */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeTerminalText(text)),
    stderr: (text) => io.stderr(escapeTerminalText(text)),
    data: io.data ?? io.stdout,
  };
}

/** One line of terminal output from a text that may hold a user's values: line ends inside it are escaped. */
export function terminalLine(text: string): string {
  return `${escapeTerminalValue(text)}\n`;
}

/** Styles text for a terminal; every method is the identity when colour is off. */
export interface Painter {
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

export function createPainter(enabled: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/** Colour only on a terminal, never with --no-color or NO_COLOR set (https://no-color.org convention). */
export function colorEnabled(io: CliIo, colorOption: boolean | undefined): boolean {
  if (colorOption === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTty;
}
