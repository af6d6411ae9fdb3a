import { InputError } from '@rai-audit/core';
import { quoteLiteral } from './aggregation-sql.js';

export type DataFormatKind = 'csv' | 'tsv' | 'text' | 'parquet' | 'json' | 'ndjson';

export interface DataFormat {
  kind: DataFormatKind;
  /** How messages name the format: "CSV", "Parquet", … */
  label: string;
  /** The field delimiter of delimited text; undefined lets DuckDB detect it. */
  delimiter?: string;
}

const FORMATS: Record<string, DataFormat> = {
  csv: { kind: 'csv', label: 'CSV', delimiter: ',' },
  tsv: { kind: 'tsv', label: 'TSV', delimiter: '\t' },
  txt: { kind: 'text', label: 'delimited text' },
  parquet: { kind: 'parquet', label: 'Parquet' },
  json: { kind: 'json', label: 'JSON' },
  ndjson: { kind: 'ndjson', label: 'NDJSON' },
  jsonl: { kind: 'ndjson', label: 'NDJSON' },
};

// DuckDB decompresses these transparently from the file name.
const COMPRESSION_SUFFIX = /\.(gz|zst)$/i;

/** The format of a data file, from its extension (a trailing .gz or .zst is looked through). */
export function detectFormat(file: string): DataFormat {
  const name = file.replace(COMPRESSION_SUFFIX, '');
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const format = FORMATS[extension];
  if (!format) {
    throw new InputError(`unsupported file type ${extension ? `".${extension}"` : '(no extension)'}`, {
      file,
      hint: 'Give a file ending in .csv, .tsv, .txt, .parquet, .json, .ndjson or .jsonl (optionally .gz)',
    });
  }
  return format;
}

/** The DuckDB table function call that reads the file, e.g. `read_csv('x.csv', header = true, delim = ',')`. */
export function readerSql(path: string, format: DataFormat): string {
  const file = quoteLiteral(path);
  switch (format.kind) {
    case 'csv':
    case 'tsv':
    case 'text': {
      const delimiter = format.delimiter === undefined ? '' : `, delim = ${quoteLiteral(format.delimiter)}`;
      return `read_csv(${file}, header = true${delimiter})`;
    }
    case 'parquet':
      return `read_parquet(${file})`;
    case 'json':
      return `read_json(${file})`;
    case 'ndjson':
      return `read_json(${file}, format = 'newline_delimited')`;
  }
}

/** Splits one line of delimited text into fields, honouring double quotes (for diagnosing ragged rows). */
export function splitDelimitedLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

/** The likeliest delimiter of a header line: the most frequent of comma, tab, semicolon and pipe. */
export function guessDelimiter(headerLine: string): string {
  const candidates = [',', '\t', ';', '|'];
  const counts = candidates.map((candidate) => headerLine.split(candidate).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  return candidates[best] ?? ',';
}

/**
 * A strict reader with the header's columns declared, used only to diagnose a file DuckDB's sniffer rejected:
 * without sniffing, DuckDB reports the first row whose field count differs from the header, with its line.
 */
export function strictCsvReaderSql(path: string, delimiter: string, fieldCount: number): string {
  const columns = Array.from({ length: fieldCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return (
    `read_csv(${quoteLiteral(path)}, header = true, auto_detect = false, delim = ${quoteLiteral(delimiter)}, ` +
    `quote = '"', escape = '"', columns = {${columns}})`
  );
}
