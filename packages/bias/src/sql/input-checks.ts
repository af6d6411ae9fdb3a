import { open } from 'node:fs/promises';
import { InputError } from '@rai-audit/core';
import { guessDelimiter, splitDelimitedLine, type DataFormat } from './data-format.js';

/** Enough of a file's start to hold its header and to tell its encoding. */
const HEAD_BYTES = 64 * 1024;
const PARQUET_MAGIC = 'PAR1';

async function readAt(file: string, length: number, from: 'start' | 'end'): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const position = from === 'start' ? 0 : Math.max(0, size - length);
    const buffer = Buffer.alloc(Math.min(length, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-16 and UTF-32 text (a byte-order mark, or NUL bytes between ASCII letters) is read by DuckDB as garbage. */
function assertUtf8(file: string, head: Buffer, format: DataFormat): void {
  const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!bom16 && !head.includes(0)) return;
  throw new InputError(
    `cannot read the file as ${format.label}: it is not UTF-8 text but looks UTF-16 (or UTF-32) encoded`,
    {
      file,
      hint: 'Save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 in.csv > out.csv',
    },
  );
}

/** DuckDB renames a repeated column (`sex`, `sex_1`): the audit would read one of them without saying so. */
function assertDistinctColumns(file: string, header: string, format: DataFormat): void {
  const names = splitDelimitedLine(header, format.delimiter ?? guessDelimiter(header)).map((n) => n.trim());
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    // DuckDB's column names ignore case: "Sex" and "sex" are the same column to it.
    const first = seen.get(name.toLowerCase());
    if (first !== undefined && name !== '') {
      throw new InputError(
        `cannot read the file as ${format.label}: the header names the column "${name}" twice (columns ${first + 1} and ${index + 1})`,
        {
          file,
          location: 'line 1',
          hint: 'Rename one of them: the audit must know which column it reads',
        },
      );
    }
    seen.set(name.toLowerCase(), index);
  });
}

/** The header line of delimited text, without a UTF-8 byte-order mark. */
export function headerLine(head: Buffer): string {
  return (head.toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
}

/** A Parquet file begins and ends with PAR1; a file that only begins with it was cut short. */
async function assertParquet(file: string): Promise<void> {
  const head = (await readAt(file, 4, 'start')).toString('latin1');
  const tail = (await readAt(file, 4, 'end')).toString('latin1');
  if (head === PARQUET_MAGIC && tail === PARQUET_MAGIC) return;
  if (head === PARQUET_MAGIC) {
    throw new InputError(
      'cannot read the file as Parquet: it is truncated or damaged (it begins as Parquet but has no footer)',
      {
        file,
        hint: 'Copy or write it again completely (an interrupted download or write leaves such a file)',
      },
    );
  }
  throw new InputError('cannot read the file as Parquet: it is not a Parquet file', {
    file,
    hint: 'Check the file; its extension says Parquet but its content is not',
  });
}

/**
 * Checks each data file for what DuckDB would read wrongly or report without naming the file: text that is not
 * UTF-8, a header with a repeated column, a Parquet file that is not one or was cut short.
 */
export async function checkInputFiles(files: readonly string[], format: DataFormat): Promise<void> {
  if (format.kind === 'parquet') {
    await Promise.all(files.map(assertParquet));
    return;
  }
  if (format.kind !== 'csv' && format.kind !== 'tsv' && format.kind !== 'text') return;
  await Promise.all(
    files.map(async (file) => {
      // A compressed file is checked by DuckDB as it decompresses it.
      if (/\.(gz|zst)$/i.test(file)) return;
      const head = await readAt(file, HEAD_BYTES, 'start');
      assertUtf8(file, head, format);
      assertDistinctColumns(file, headerLine(head), format);
    }),
  );
}

/**
 * True when a field in the file's first 64 KiB starts with a double quote: the file quotes values, so a sniffer
 * that found no quoting met a quote that never closes (`"male` would otherwise become a group of its own).
 */
export async function quotesFields(file: string, delimiter: string): Promise<boolean> {
  const text = (await readAt(file, HEAD_BYTES, 'start')).toString('utf8');
  return text.split(/\r?\n/).some((line) => line.split(delimiter).some((field) => field.startsWith('"')));
}
