import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '@rai-audit/core';
import { detectFormat, type DataFormat } from './data-format.js';

/** The data files of one audit: every file a pattern, folder or list named, in one format. */
export interface InputFiles {
  /** How messages name the input: the path or pattern as the user gave it (several joined with ", "). */
  display: string;
  /** The files, sorted, as paths the process can open. */
  files: string[];
  format: DataFormat;
}

const GLOB_CHARACTERS = /[*?[]/;

/** True when the path is a glob pattern (`*`, `?`, `[…]`) rather than one file. */
export function isGlobPattern(path: string): boolean {
  return GLOB_CHARACTERS.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|\\]/g, '\\$&');
}

/** A glob pattern as a regular expression over `/`-separated relative paths: `**` crosses folders, `*` does not. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replaceAll('\\', '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

/** The folder a glob starts from (its segments before the first one with a glob character) and the rest. */
function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split(/[\\/]/);
  const first = segments.findIndex((segment) => isGlobPattern(segment));
  const base = segments.slice(0, first).join('/');
  return {
    base: base === '' && pattern.startsWith('/') ? '/' : base || '.',
    rest: segments.slice(first).join('/'),
  };
}

async function listFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + (folder.endsWith(sep) ? 0 : 1)));
}

async function expandGlob(pattern: string): Promise<string[]> {
  const { base, rest } = splitGlob(pattern);
  const matcher = globToRegExp(rest);
  const relative = await listFilesUnder(base);
  return relative
    .map((path) => path.split(sep).join('/'))
    .filter((path) => matcher.test(path))
    .map((path) => (base === '.' ? path : join(base, path)))
    .sort();
}

async function expandOne(path: string): Promise<string[]> {
  // A file whose name holds glob characters (`part[1].parquet`) is that file when it exists, not a pattern.
  const info = await stat(path).catch(() => undefined);
  if (isGlobPattern(path) && !info) {
    const files = await expandGlob(path);
    if (files.length === 0) {
      throw new InputError('no file matches the pattern', {
        file: path,
        hint: `Check the pattern; it was matched below ${resolve(splitGlob(path).base)}`,
      });
    }
    return files;
  }
  if (!info)
    throw new InputError('file not found', {
      file: path,
      hint: `Check the path (looked for ${resolve(path)})`,
    });
  if (!info.isDirectory()) return [path];
  // Writers leave markers and temporary files (_SUCCESS, .part-0.crc, _temporary/) beside the parts.
  const hidden = (file: string): boolean =>
    relative(path, file)
      .split(sep)
      .some((segment) => segment.startsWith('.') || segment.startsWith('_'));
  const parts = (await expandGlob(join(path, '**', '*.parquet'))).filter((file) => !hidden(file));
  if (parts.length === 0) {
    throw new InputError('the folder holds no Parquet files', {
      file: path,
      hint: 'A folder is read as the Parquet parts below it (*.parquet); name a file or a glob for other formats',
    });
  }
  return parts;
}

async function assertNotEmpty(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info)
    throw new InputError('file not found', { file, hint: `Check the path (looked for ${resolve(file)})` });
  if (!info.isFile())
    throw new InputError('not a file', {
      file,
      hint: 'Give the path of a data file, a glob or a folder of Parquet parts',
    });
  if (info.size === 0) {
    throw new InputError('the file is empty (0 bytes)', {
      file,
      hint: 'Check that it was written completely',
    });
  }
}

/**
 * Resolves what the user named — one file, a glob (`logs/*.csv`, `parts/**\/*.parquet`), a folder of Parquet parts,
 * or several of these — into a sorted list of non-empty files of one format; InputError or UsageError otherwise.
 */
export async function resolveInputFiles(paths: readonly string[]): Promise<InputFiles> {
  if (paths.length === 0)
    throw new UsageError('no data file given', { hint: 'Name a data file, a glob or a folder' });
  const files = [...new Set((await Promise.all(paths.map(expandOne))).flat())];
  const formats = files.map((file) => ({ file, format: detectFormat(file) }));
  const first = formats[0];
  if (!first) throw new InputError('no data files', { file: paths.join(', ') });
  const other = formats.find((entry) => entry.format.kind !== first.format.kind);
  if (other) {
    throw new UsageError(
      `the data files mix formats: ${first.file} is ${first.format.label}, ${other.file} is ${other.format.label}`,
      {
        hint: 'Audit files of one format together',
      },
    );
  }
  await Promise.all(files.map(assertNotEmpty));
  return { display: paths.join(', '), files, format: first.format };
}
