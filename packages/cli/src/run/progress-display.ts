import { createPainter, terminalLine, type CliIo, type Painter } from '../io.js';
import { escapeTerminalValue } from '../terminal-text.js';
import type { AuditSpec, RunObserver } from '../run-audit.js';

interface AreaState {
  label: string;
  message: string;
  state: 'running' | 'done' | 'failed';
  started: number;
  ended?: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Colour of the progress display: never with --no-color or NO_COLOR; always with FORCE_COLOR (other than 0);
 * otherwise when stderr is a terminal.
 */
export function progressColour(io: CliIo, colorOption: boolean | undefined): boolean {
  if (colorOption === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(io.stderrIsTty);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Progress as log lines, one per event, prefixed by the area: what CI logs show. */
export function createLogObserver(io: CliIo, quiet: boolean, now = () => performance.now()): RunObserver {
  const started = new Map<number, number>();
  return {
    progress: (spec, index, message) => {
      if (!started.has(index)) started.set(index, now());
      if (!quiet) io.stderr(terminalLine(`[${spec.command}] ${message.replace(/^rai-audit [^:]+: /, '')}`));
    },
    settled: (spec, index, outcome) => {
      const took = seconds(now() - (started.get(index) ?? now()));
      if (!quiet || outcome === 'failed') io.stderr(`[${spec.command}] ${outcome} after ${took}\n`);
    },
    close: () => undefined,
  };
}

function renderLine(area: AreaState, width: number, frame: number, paint: Painter, now: number): string {
  const mark =
    area.state === 'done'
      ? paint.green('✔')
      : area.state === 'failed'
        ? paint.red('✖')
        : paint.yellow(SPINNER[frame % SPINNER.length]!);
  const time = paint.dim(seconds((area.ended ?? now) - area.started));
  const message = escapeTerminalValue(area.state === 'running' ? area.message : area.state);
  const text = `${area.label.padEnd(width)}  ${message}`;
  return `${mark} ${paint.bold(text.slice(0, 100))} ${time}`;
}

/**
 * On a terminal: one live line per area (which audit, its latest message such as "verified 40/120 assets", the
 * time it has taken), redrawn in place on stderr; the summary is printed below it when the run ends.
 */
export function createLiveObserver(
  io: CliIo,
  specs: readonly AuditSpec[],
  colour: boolean,
  now = () => performance.now(),
): RunObserver {
  const paint = createPainter(colour);
  const start = now();
  const areas: AreaState[] = specs.map((spec) => ({
    label: spec.command,
    message: 'starting…',
    state: 'running',
    started: start,
  }));
  const width = Math.max(...areas.map((area) => area.label.length));
  let frame = 0;
  let drawn = 0;
  const draw = (): void => {
    const t = now();
    const lines = areas.map((area) => `\u001b[2K${renderLine(area, width, frame, paint, t)}`);
    io.stderr(`${drawn ? `\u001b[${drawn}A` : ''}${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(() => {
    frame += 1;
    draw();
  }, 120);
  timer.unref();
  draw();
  let closed = false;
  return {
    progress: (_spec, index, message) => {
      areas[index]!.message = message.replace(/^rai-audit [^:]+: /, '');
      draw();
    },
    settled: (_spec, index, outcome) => {
      const area = areas[index]!;
      area.state = outcome;
      area.ended = now();
      draw();
    },
    close: () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      draw();
    },
  };
}
