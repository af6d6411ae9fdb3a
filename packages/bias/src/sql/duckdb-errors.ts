import { InputError } from '@rai-audit/core';
import type { DataFormat } from './data-format.js';

/** True when DuckDB's CSV sniffer could not work out the dialect (typically a ragged file shorter than its sample). */
export function isCsvSniffFailure(message: string): boolean {
  return message.includes('Error when sniffing file');
}

/** DuckDB's first line without its "Invalid Input Error: " style prefix; the SQL echo and fix list are dropped. */
function headline(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/^[A-Za-z ]*Error: /, '').trim();
}

interface Translation {
  detail: string;
  location?: string;
  hint: string;
}

/**
 * DuckDB's cause of a CSV error: the line before its list of fixes ("Possible fixes:", "Possible Solution: …"), after
 * the echo of the offending row, e.g. "Value with unterminated quote found." or "Maximum line size … exceeded".
 */
function csvCause(message: string): string | undefined {
  const cause = /\n([^\n]+)\n\nPossible (?:fix|solution)/i.exec(message)?.[1]?.trim();
  return cause === undefined || cause === '' || cause.startsWith('Original Line:') ? undefined : cause;
}

/** The fix for a CSV error DuckDB names by its cause. */
function csvHint(cause: string): string {
  if (/unterminated quote/i.test(cause)) {
    return 'Close the quote, or write a quote inside a quoted value twice ("")';
  }
  if (/line size/i.test(cause)) return 'Check the row for a missing line break or an unclosed quote';
  return 'Fix the row';
}

function translateCsv(message: string): Translation | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  const location = line === undefined ? undefined : `line ${line}`;
  if (columns) {
    return {
      detail: `the row has ${columns[2]} fields but the header has ${columns[1]}`,
      location,
      hint: 'Every row must have as many fields as the header; check for unquoted delimiters or missing fields',
    };
  }
  if (/Invalid unicode/i.test(message)) {
    return {
      detail: 'the file is not valid UTF-8 (an invalid byte sequence)',
      location,
      hint: 'Save it as UTF-8, e.g. iconv -f LATIN1 -t UTF-8 in.csv > out.csv (name its real encoding)',
    };
  }
  const conversion = /Could not convert string "?([^"\n]*)"? to '?([A-Z0-9]+)'?/.exec(message);
  const column = /Error when converting column "([^"]+)"/.exec(message)?.[1];
  if (line !== undefined && conversion) {
    return {
      detail: `value "${conversion[1]}"${column ? ` in column "${column}"` : ''} does not match the column's type ${conversion[2]}`,
      location,
      hint: 'Fix the value or the row; a column must hold one type throughout',
    };
  }
  if (line !== undefined) {
    const cause = csvCause(message) ?? headline(message.replace(/^[\s\S]*?CSV Error on Line: \d+\n/, ''));
    return { detail: cause.replace(/\.$/, ''), location, hint: csvHint(cause) };
  }
  if (isCsvSniffFailure(message)) {
    return {
      detail: 'DuckDB could not work out its delimiter, quoting or header',
      hint: 'Check that it is a delimited text file with a header row',
    };
  }
  return undefined;
}

function translateParquet(message: string): Translation | undefined {
  if (/magic bytes|too small to be a Parquet file/i.test(message)) {
    return {
      detail: 'it is not a Parquet file',
      hint: 'Check the file; its extension says Parquet but its content is not',
    };
  }
  return undefined;
}

function translateJson(message: string): Translation | undefined {
  const malformed = /Malformed JSON[^,]*, at byte (\d+) in record\/value (\d+): ([^\n]*)/.exec(message);
  if (malformed) {
    return {
      detail: `malformed JSON: ${malformed[3]?.trim().replace(/\.$/, '')}`,
      location: `record ${malformed[2]}, byte ${malformed[1]}`,
      hint: 'Fix the JSON; .json holds an array of objects (or one object per line), .ndjson/.jsonl one object per line',
    };
  }
  return undefined;
}

/** Turns a DuckDB error on reading a data file into an InputError naming the file, the place and the fix. */
export function translateDuckDbError(error: unknown, input: string, format: DataFormat): InputError {
  const message = error instanceof Error ? error.message : String(error);
  // Of several files (a glob, a folder), DuckDB names the one it failed on: that is the file to fix.
  const file = /\n\s*file = ([^\n]+)/.exec(message)?.[1]?.trim() || input;
  const specific =
    format.kind === 'parquet'
      ? translateParquet(message)
      : format.kind === 'json' || format.kind === 'ndjson'
        ? translateJson(message)
        : translateCsv(message);
  const translation = specific ?? {
    detail: headline(message),
    hint: `Check that the file is valid ${format.label}`,
  };
  return new InputError(`cannot read the file as ${format.label}: ${translation.detail}`, {
    file,
    location: translation.location,
    hint: translation.hint,
    cause: error,
  });
}
