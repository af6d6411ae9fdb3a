import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '@rai-audit/core';
import { quoteIdentifier } from './aggregation-sql.js';
import {
  detectFormat,
  guessDelimiter,
  readerSql,
  splitDelimitedLine,
  strictCsvReaderSql,
  type DataFormat,
} from './data-format.js';
import { isCsvSniffFailure, translateDuckDbError } from './duckdb-errors.js';
import type { DistinctValue, OutcomeColumnProfile } from './outcome-encoding.js';

/** A column of the data file with its DuckDB type. */
export interface ColumnInfo {
  name: string;
  type: string;
}

/** The name of the view the data file is registered as; the aggregation query reads from it. */
export const SOURCE_VIEW = 'source';

// Enough to show a user what a non-binary column holds without scanning every distinct value.
const PROFILE_VALUE_LIMIT = 5;

async function assertReadableFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    throw new InputError('file not found', {
      file,
      hint: `Check the path (looked for ${resolve(file)})`,
    });
  }
  if (!info.isFile()) throw new InputError('not a file', { file, hint: 'Give the path of one data file' });
  if (info.size === 0)
    throw new InputError('the file is empty (0 bytes)', {
      file,
      hint: 'Check that it was written completely',
    });
}

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

/** The only module that touches DuckDB and the data file: registers the file as a view and answers queries on it. */
export class DuckDbSource {
  private constructor(
    readonly file: string,
    readonly format: DataFormat,
    readonly columns: readonly ColumnInfo[],
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens the data file (CSV, TSV, TXT, Parquet, JSON, NDJSON) as the view `source`; InputError when unreadable. */
  static async open(file: string): Promise<DuckDbSource> {
    const format = detectFormat(file);
    await assertReadableFile(file);
    const instance = await DuckDBInstance.create(':memory:');
    let connection: DuckDBConnection | undefined;
    try {
      connection = await instance.connect();
      const columns = await DuckDbSource.registerView(connection, file, format);
      return new DuckDbSource(file, format, columns, instance, connection);
    } catch (error) {
      connection?.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  /** Registers the file as the view and lists its columns; DuckDB reads (and may reject) the file here. */
  private static async registerView(
    connection: DuckDBConnection,
    file: string,
    format: DataFormat,
  ): Promise<ColumnInfo[]> {
    try {
      const view = quoteIdentifier(SOURCE_VIEW);
      await connection.run(`CREATE VIEW ${view} AS SELECT * FROM ${readerSql(file, format)}`);
      const described = await connection.runAndReadAll(`DESCRIBE ${view}`);
      return described.getRowObjectsJS().map((row) => ({
        name: String(row.column_name),
        type: String(row.column_type),
      }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isDelimitedText(format) && isCsvSniffFailure(message)) {
        await DuckDbSource.diagnoseCsv(connection, file, format);
      }
      throw translateDuckDbError(error, file, format);
    }
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

  /** Runs a query on the view; DuckDB errors (a bad value deep in the file) become InputErrors naming the file. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      return reader.getRowObjectsJS();
    } catch (error) {
      throw translateDuckDbError(error, this.file, this.format);
    }
  }

  /** The empty values and the first few distinct values of a label or prediction column. */
  async profileOutcome(
    role: OutcomeColumnProfile['role'],
    column: ColumnInfo,
  ): Promise<OutcomeColumnProfile> {
    const ref = quoteIdentifier(column.name);
    const rows = await this.query(
      `SELECT LOWER(TRIM(CAST(${ref} AS VARCHAR))) AS key, MIN(CAST(${ref} AS VARCHAR)) AS example, COUNT(*) AS n ` +
        `FROM ${quoteIdentifier(SOURCE_VIEW)} GROUP BY 1 ORDER BY 1 NULLS FIRST LIMIT ${PROFILE_VALUE_LIMIT + 2}`,
    );
    const counted = rows.map((row) => ({ key: row.key, example: row.example, count: Number(row.n) }));
    const nulls = counted.find((row) => row.key === null)?.count ?? 0;
    const values: DistinctValue[] = counted
      .filter((row) => row.key !== null)
      .map((row) => ({ key: String(row.key), example: String(row.example), count: row.count }));
    return {
      role,
      column: column.name,
      type: column.type,
      values: values.slice(0, PROFILE_VALUE_LIMIT),
      more: values.length > PROFILE_VALUE_LIMIT,
      nulls,
    };
  }

  /** True when the file has at least one data row (a header-only CSV has none). */
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
