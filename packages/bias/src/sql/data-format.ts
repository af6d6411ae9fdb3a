import { InputError } from '@rai-audit/core';
import { quoteLiteral } from './sql-text.js';

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

/** Options of a reader: explicit column types (skip sniffing on later reads), and per-column overrides. */
export interface ReaderOptions {
  /** Every column with its DuckDB type, in file order: CSV is then parsed without sniffing. */
  columns?: ReadonlyArray<{ name: string; type: string }>;
  /** Types for some columns, the others sniffed (e.g. group values kept as text). */
  types?: Readonly<Record<string, string>>;
}

/**
 * A file path as a SQL literal that DuckDB's readers take as that one file: they expand every path they are given
 * as a glob, so `*`, `?` and `[` are written as the one-character classes `[*]`, `[?]` and `[[]` (a file named
 * `part[1].parquet` would otherwise read `part1.parquet`).
 */
export function pathLiteral(path: string): string {
  return quoteLiteral(path.replace(/[*?[]/g, '[$&]'));
}

function fileListSql(paths: string | readonly string[]): string {
  if (typeof paths === 'string') return pathLiteral(paths);
  return paths.length === 1 ? pathLiteral(paths[0] ?? '') : `[${paths.map(pathLiteral).join(', ')}]`;
}

function structSql(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`).join(', ')}}`;
}

function csvReaderSql(files: string, format: DataFormat, many: boolean, options: ReaderOptions): string {
  const parts = [files, 'header = true'];
  if (format.delimiter !== undefined) parts.push(`delim = ${quoteLiteral(format.delimiter)}`);
  // Several files may list their columns in different orders; match them by name.
  if (many) parts.push('union_by_name = true');
  if (options.columns) {
    parts.push('auto_detect = false', `quote = '"'`, `escape = '"'`);
    parts.push(`columns = ${structSql(options.columns.map((c) => [c.name, c.type] as const))}`);
  } else if (options.types && Object.keys(options.types).length > 0) {
    parts.push(`types = ${structSql(Object.entries(options.types))}`);
  }
  return `read_csv(${parts.join(', ')})`;
}

/**
 * The DuckDB table function call that reads one file or a list of files of one format, e.g.
 * `read_csv('x.csv', header = true, delim = ',')` or `read_parquet(['a.parquet', 'b.parquet'])`.
 */
export function readerSql(
  paths: string | readonly string[],
  format: DataFormat,
  options: ReaderOptions = {},
): string {
  const files = fileListSql(paths);
  const many = typeof paths !== 'string' && paths.length > 1;
  switch (format.kind) {
    case 'csv':
    case 'tsv':
    case 'text':
      return csvReaderSql(files, format, many, options);
    case 'parquet':
      return many ? `read_parquet(${files}, union_by_name = true)` : `read_parquet(${files})`;
    case 'json':
      return `read_json(${files})`;
    case 'ndjson':
      return `read_json(${files}, format = 'newline_delimited')`;
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

/** What DuckDB's sniffer found in a delimited file: its dialect and its columns with their types. */
export interface SniffedCsv {
  delimiter: string;
  quote: string;
  escape: string;
  comment: string;
  skipRows: number;
  columns: ReadonlyArray<{ name: string; type: string }>;
  dateFormat: string | null;
  timestampFormat: string | null;
}

/** The query that sniffs one delimited file as the reader would (a header row, the format's delimiter). */
export function sniffCsvSql(path: string, format: DataFormat): string {
  const delimiter = format.delimiter === undefined ? '' : `, delim = ${quoteLiteral(format.delimiter)}`;
  return `SELECT * FROM sniff_csv(${pathLiteral(path)}, header = true${delimiter})`;
}

/** sniff_csv writes "(empty)" for an option it left empty (no quoting, no comment character). */
function sniffedOption(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return text === '(empty)' ? '' : text;
}

/** A sniff_csv row as a SniffedCsv, or undefined when it is not the shape this reader knows. */
export function readSniffedCsv(row: Record<string, unknown> | undefined): SniffedCsv | undefined {
  const columns = row?.Columns;
  if (!row || !Array.isArray(columns) || columns.length === 0 || row.HasHeader !== true) return undefined;
  const typed = columns.map((column: unknown) => {
    const { name, type } = (column ?? {}) as { name?: unknown; type?: unknown };
    return typeof name === 'string' && typeof type === 'string' ? { name, type } : undefined;
  });
  if (typed.some((column) => column === undefined) || typeof row.Delimiter !== 'string') return undefined;
  const format = (value: unknown): string | null =>
    typeof value === 'string' && value !== '' ? value : null;
  return {
    delimiter: row.Delimiter,
    quote: sniffedOption(row.Quote),
    escape: sniffedOption(row.Escape),
    comment: sniffedOption(row.Comment),
    skipRows: typeof row.SkipRows === 'number' ? row.SkipRows : 0,
    columns: typed as Array<{ name: string; type: string }>,
    dateFormat: format(row.DateFormat),
    timestampFormat: format(row.TimestampFormat),
  };
}

/**
 * The reader of one delimited file with everything the sniffer found spelled out: DuckDB then reads it exactly as
 * it would have after sniffing, without sniffing again on every query of the view (about 80 ms each).
 */
export function sniffedCsvReaderSql(path: string, sniffed: SniffedCsv): string {
  const parts = [
    pathLiteral(path),
    'header = true',
    'auto_detect = false',
    `delim = ${quoteLiteral(sniffed.delimiter)}`,
    `quote = ${quoteLiteral(sniffed.quote)}`,
    `escape = ${quoteLiteral(sniffed.escape)}`,
    `comment = ${quoteLiteral(sniffed.comment)}`,
    `skip = ${sniffed.skipRows}`,
    `columns = ${structSql(sniffed.columns.map((c) => [c.name, c.type] as const))}`,
  ];
  if (sniffed.dateFormat !== null) parts.push(`dateformat = ${quoteLiteral(sniffed.dateFormat)}`);
  if (sniffed.timestampFormat !== null)
    parts.push(`timestampformat = ${quoteLiteral(sniffed.timestampFormat)}`);
  return `read_csv(${parts.join(', ')})`;
}

/**
 * A strict reader with the header's columns declared, used only to diagnose a file DuckDB's sniffer rejected:
 * without sniffing, DuckDB reports the first row whose field count differs from the header, with its line.
 */
export function strictCsvReaderSql(path: string, delimiter: string, fieldCount: number): string {
  const columns = Array.from({ length: fieldCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return (
    `read_csv(${pathLiteral(path)}, header = true, auto_detect = false, delim = ${quoteLiteral(delimiter)}, ` +
    `quote = '"', escape = '"', columns = {${columns}})`
  );
}
