import { open } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '@rai-audit/core';
import { quoteIdentifier } from './sql-text.js';
import {
  guessDelimiter,
  readerSql,
  readSniffedCsv,
  sniffCsvSql,
  sniffedCsvReaderSql,
  splitDelimitedLine,
  strictCsvReaderSql,
  type DataFormat,
  type ReaderOptions,
} from './data-format.js';
import { isCsvSniffFailure, translateDuckDbError } from './duckdb-errors.js';
import { resolveInputFiles, type InputFiles } from './input-files.js';
import { checkInputFiles, quotesFields } from './input-checks.js';

/** A column of the data file with its DuckDB type. */
export interface ColumnInfo {
  name: string;
  type: string;
}

/** The name of the view the data file is registered as; the aggregation query reads from it. */
export const SOURCE_VIEW = 'source';

function isDelimitedText(format: DataFormat): boolean {
  return format.kind === 'csv' || format.kind === 'tsv' || format.kind === 'text';
}

async function readFirstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return (buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** The only module that touches DuckDB and the data files: registers them as a view and answers queries on it. */
export class DuckDbSource {
  private constructor(
    /** The input as messages name it: the path, pattern or folder the user gave. */
    readonly file: string,
    /** Every data file read. */
    readonly files: readonly string[],
    readonly format: DataFormat,
    private columnList: readonly ColumnInfo[],
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** The columns of the view `source`, with their DuckDB types. */
  get columns(): readonly ColumnInfo[] {
    return this.columnList;
  }

  /**
   * Opens data files (CSV, TSV, TXT, Parquet, JSON, NDJSON; a path, a glob, a folder of Parquet parts, or a list of
   * these) as the view `source`; InputError when unreadable.
   */
  static async open(input: string | readonly string[] | InputFiles): Promise<DuckDbSource> {
    const inputs =
      typeof input === 'string' || Array.isArray(input)
        ? await resolveInputFiles(typeof input === 'string' ? [input] : (input as readonly string[]))
        : (input as InputFiles);
    await checkInputFiles(inputs.files, inputs.format);
    const instance = await DuckDBInstance.create(':memory:');
    let connection: DuckDBConnection | undefined;
    try {
      connection = await instance.connect();
      const columns = await DuckDbSource.registerView(connection, inputs, {});
      return new DuckDbSource(inputs.display, inputs.files, inputs.format, columns, instance, connection);
    } catch (error) {
      connection?.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  /** Registers the files as the view and lists its columns; DuckDB reads (and may reject) the files here. */
  private static async registerView(
    connection: DuckDBConnection,
    inputs: InputFiles,
    options: ReaderOptions,
  ): Promise<ColumnInfo[]> {
    try {
      const view = quoteIdentifier(SOURCE_VIEW);
      const reader =
        (await DuckDbSource.sniffedReader(connection, inputs, options)) ??
        readerSql(inputs.files, inputs.format, options);
      await connection.run(`CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${reader}`);
      const described = await connection.runAndReadAll(`DESCRIBE ${view}`);
      return described.getRowObjectsJS().map((row) => ({
        name: String(row.column_name),
        type: String(row.column_type),
      }));
    } catch (error) {
      if (error instanceof InputError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (isDelimitedText(inputs.format) && isCsvSniffFailure(message)) {
        for (const file of inputs.files) await DuckDbSource.diagnoseCsv(connection, file, inputs.format);
      }
      throw translateDuckDbError(error, inputs.display, inputs.format);
    }
  }

  /**
   * One delimited file read with the sniffer's findings spelled out, so that the sniffer runs once rather than on
   * every query; undefined (the plain reader, which reports problems its own way) when sniffing fails.
   */
  private static async sniffedReader(
    connection: DuckDBConnection,
    inputs: InputFiles,
    options: ReaderOptions,
  ): Promise<string | undefined> {
    const [file, ...others] = inputs.files;
    if (!isDelimitedText(inputs.format) || file === undefined || others.length > 0) return undefined;
    if (options.columns !== undefined) return undefined;
    const types = options.types ?? {};
    const found = await connection
      .runAndReadAll(sniffCsvSql(file, inputs.format))
      .then((sniffed) => readSniffedCsv(sniffed.getRowObjectsJS()[0]))
      .catch(() => undefined);
    if (!found) return undefined;
    // No quoting found, yet a field starts with a quote: one never closes. A strict read names its line.
    if (found.quote === '' && (await quotesFields(file, found.delimiter))) {
      await DuckDbSource.diagnoseCsv(connection, file, inputs.format);
    }
    const columns = found.columns.map((column) => ({ ...column, type: types[column.name] ?? column.type }));
    return sniffedCsvReaderSql(file, { ...found, columns });
  }

  /** Re-reads a file the sniffer rejected without sniffing, so that DuckDB names the first ragged line. */
  private static async diagnoseCsv(
    connection: DuckDBConnection,
    file: string,
    format: DataFormat,
  ): Promise<void> {
    const header = await readFirstLine(file);
    const delimiter = format.delimiter ?? guessDelimiter(header);
    const fieldCount = splitDelimitedLine(header, delimiter).length;
    try {
      await connection.runAndReadAll(
        `SELECT COUNT(*) FROM ${strictCsvReaderSql(file, delimiter, fieldCount)}`,
      );
    } catch (error) {
      throw translateDuckDbError(error, file, format);
    }
  }

  /**
   * Re-registers delimited text with the given column types (e.g. group values kept as text, or every column typed
   * as sniffed so later scans skip sniffing); other formats carry their types and are left as they are.
   */
  async retype(options: ReaderOptions): Promise<void> {
    if (!isDelimitedText(this.format)) return;
    const inputs = { display: this.file, files: [...this.files], format: this.format };
    this.columnList = await DuckDbSource.registerView(this.connection, inputs, options);
  }

  /**
   * Reads the named columns of delimited text as written when DuckDB's sniffer made booleans of them (yes/no, T/F,
   * true/false in any case): a label's values are what the user names with --positive-label, and "no" must stay
   * "no", not become false.
   */
  async keepBooleansAsText(names: readonly string[]): Promise<void> {
    const sniffed = this.columnList.filter((c) => names.includes(c.name) && /^BOOLEAN$/i.test(c.type));
    if (sniffed.length === 0 || !isDelimitedText(this.format)) return;
    await this.retype({ types: Object.fromEntries(sniffed.map((c) => [c.name, 'VARCHAR'])) });
  }

  /** Runs a query on the view; DuckDB errors (a bad value deep in the file) become InputErrors naming the file. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.queryWithTypes(sql)).rows;
  }

  /** Runs a query and returns its rows with the result's column names and DuckDB types. */
  async queryWithTypes(sql: string): Promise<{ columns: ColumnInfo[]; rows: Record<string, unknown>[] }> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      return {
        // An alias names the logical type DuckDB stores as another (JSON is a VARCHAR underneath).
        columns: names.map((name, i) => ({ name, type: types[i]?.alias ?? String(types[i]) })),
        rows: reader.getRowObjectsJS(),
      };
    } catch (error) {
      throw translateDuckDbError(error, this.file, this.format);
    }
  }

  /** True when the files have at least one data row (a header-only CSV has none). */
  async hasRows(): Promise<boolean> {
    const rows = await this.query(`SELECT 1 AS present FROM ${quoteIdentifier(SOURCE_VIEW)} LIMIT 1`);
    return rows.length > 0;
  }

  /** Releases the connection and the in-memory database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
