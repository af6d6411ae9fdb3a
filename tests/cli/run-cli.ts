import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeCli, type CliIo } from '../../packages/cli/src/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process on the sources, capturing its output; `args` as typed after `rai-audit`. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd: string = process.cwd(),
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTty: false,
    env: { SOURCE_DATE_EPOCH: '1764331200', ...env },
    cwd,
  };
  const code = await executeCli(['node', 'rai-audit', ...args], io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder for one test's inputs and reports. */
export function tempDir(prefix = 'rai-audit-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A prediction log as CSV: `groups` maps a group value to [tp, fp, tn, fn] counts, so every rate is known exactly.
 */
export function predictionCsv(
  attribute: string,
  groups: Record<string, [number, number, number, number]>,
): string {
  const lines = [`id,${attribute},label,prediction`];
  let id = 0;
  for (const [group, [tp, fp, tn, fn]] of Object.entries(groups)) {
    const cell = /[",\n]/.test(group) ? `"${group.replaceAll('"', '""')}"` : group;
    const add = (count: number, label: number, prediction: number) => {
      for (let i = 0; i < count; i++) lines.push(`${++id},${cell},${label},${prediction}`);
    };
    add(tp, 1, 1);
    add(fp, 0, 1);
    add(tn, 0, 0);
    add(fn, 1, 0);
  }
  return `${lines.join('\n')}\n`;
}
