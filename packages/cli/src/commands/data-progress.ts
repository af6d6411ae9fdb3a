import type { CliIo } from '../io.js';

export interface HashProgressLike {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
}

const MB = 1024 * 1024;
const PLAIN_INTERVAL_MS = 2_000;
const TTY_INTERVAL_MS = 100;

/** A progress bar on a terminal (redrawn in place on stderr), plain lines every two seconds otherwise. */
export function hashProgressReporter(
  io: CliIo,
  quiet: boolean,
): {
  update: (progress: HashProgressLike) => void;
  finish: () => void;
} {
  let last = 0;
  let drawn = false;
  const tty = io.isTty;
  return {
    update: (p) => {
      if (quiet || p.bytesTotal === 0) return;
      const now = Date.now();
      const complete = p.filesDone === p.filesTotal;
      if (!complete && now - last < (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
      if (complete && !drawn) return;
      last = now;
      const fraction = Math.min(1, p.bytesDone / p.bytesTotal);
      const text = `hashing ${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / MB).toFixed(0)}/${(p.bytesTotal / MB).toFixed(0)} MB`;
      if (tty) {
        const width = 24;
        const filled = Math.round(fraction * width);
        io.stderr(
          // Back to the line's start and erase it (a sequence terminal-text.ts keeps), then the bar.
          `\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${text}`,
        );
      } else io.stderr(`${text}\n`);
      drawn = true;
    },
    finish: () => {
      if (drawn && tty) io.stderr('\n');
    },
  };
}
