import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@rai-audit/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectFormat,
  guessDelimiter,
  readerSql,
  readSniffedCsv,
  sniffedCsvReaderSql,
  splitDelimitedLine,
} from './data-format.js';
import { translateDuckDbError } from './duckdb-errors.js';
import { DuckDbSource } from './duckdb-source.js';

describe('detectFormat', () => {
  it.each([
    ['a/predictions.csv', 'csv'],
    ['P.TSV', 'tsv'],
    ['log.txt', 'text'],
    ['part-0.parquet', 'parquet'],
    ['x.json', 'json'],
    ['x.ndjson', 'ndjson'],
    ['x.jsonl', 'ndjson'],
    ['x.csv.gz', 'csv'],
  ])('%s is %s', (file, kind) => {
    expect(detectFormat(file).kind).toBe(kind);
  });

  it('rejects other extensions, listing the supported ones', () => {
    expect(() => detectFormat('model.pkl')).toThrow(InputError);
    expect(() => detectFormat('README')).toThrow('unsupported file type (no extension)');
  });
});

describe('readerSql', () => {
  it('reads CSV with a header and a comma, quoting the path', () => {
    expect(readerSql("it's.csv", detectFormat('x.csv'))).toBe(
      "read_csv('it''s.csv', header = true, delim = ',')",
    );
    expect(readerSql('x.ndjson', detectFormat('x.ndjson'))).toBe(
      "read_json('x.ndjson', format = 'newline_delimited')",
    );
  });
});

describe('splitDelimitedLine and guessDelimiter', () => {
  it('honours quotes and doubled quotes', () => {
    expect(splitDelimitedLine('a,"b,c","d ""e""",', ',')).toEqual(['a', 'b,c', 'd "e"', '']);
  });

  it('guesses the most frequent delimiter', () => {
    expect(guessDelimiter('a;b;c')).toBe(';');
    expect(guessDelimiter('a\tb,c\td')).toBe('\t');
  });
});

describe('translateDuckDbError', () => {
  const csv = detectFormat('p.csv');

  it('turns a ragged row into file, line and fix, without DuckDB’s SQL echo', () => {
    const error = translateDuckDbError(
      new Error(
        'Invalid Input Error: CSV Error on Line: 3\nOriginal Line: 4,5\nExpected Number of Columns: 3 Found: 2\nPossible fixes:\n* …\n\nLINE 1: SELECT …',
      ),
      'p.csv',
      csv,
    );
    expect(error.describe()).toBe(
      'p.csv: line 3: cannot read the file as CSV: the row has 2 fields but the header has 3. Every row must have as many fields as the header; check for unquoted delimiters or missing fields',
    );
  });

  it('names the value and column of a type conversion error', () => {
    const error = translateDuckDbError(
      new Error(
        'Conversion Error: CSV Error on Line: 30001\nOriginal Line: 9,x,9\nError when converting column "b". Could not convert string "x" to \'BIGINT\'\n\nColumn b is being converted as type BIGINT',
      ),
      'p.csv',
      csv,
    );
    expect(error.location).toBe('line 30001');
    expect(error.message).toBe(
      'cannot read the file as CSV: value "x" in column "b" does not match the column\'s type BIGINT',
    );
  });

  it('recognises a file that is not Parquet and malformed JSON', () => {
    const parquet = translateDuckDbError(
      new Error("Invalid Input Error: No magic bytes found at end of file 'x.parquet'\n\nLINE 1: …"),
      'x.parquet',
      detectFormat('x.parquet'),
    );
    expect(parquet.message).toBe('cannot read the file as Parquet: it is not a Parquet file');
    const json = translateDuckDbError(
      new Error(
        'Invalid Input Error: Malformed JSON in file "x.json", at byte 8 in record/value 2: unexpected end of data. \n',
      ),
      'x.json',
      detectFormat('x.json'),
    );
    expect(json.location).toBe('record 2, byte 8');
    expect(json.message).toBe('cannot read the file as JSON: malformed JSON: unexpected end of data');
  });

  it('falls back to DuckDB’s first line, without its prefix', () => {
    const error = translateDuckDbError(new Error('IO Error: something odd\n\nLINE 1: x'), 'p.csv', csv);
    expect(error.message).toBe('cannot read the file as CSV: something odd');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('a delimited file read as sniffed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rai-sniffed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps sniff_csv’s "(empty)" to an empty option and leaves unknown shapes alone', () => {
    const row = {
      Delimiter: ';',
      Quote: '(empty)',
      Escape: '(empty)',
      Comment: '(empty)',
      SkipRows: 0,
      HasHeader: true,
      Columns: [{ name: 'a', type: 'BIGINT' }],
      DateFormat: '%d/%m/%Y',
      TimestampFormat: null,
    };
    expect(readSniffedCsv(row)).toEqual({
      delimiter: ';',
      quote: '',
      escape: '',
      comment: '',
      skipRows: 0,
      columns: [{ name: 'a', type: 'BIGINT' }],
      dateFormat: '%d/%m/%Y',
      timestampFormat: null,
    });
    expect(readSniffedCsv({ ...row, HasHeader: false })).toBeUndefined();
    expect(readSniffedCsv({ ...row, Columns: [] })).toBeUndefined();
    expect(readSniffedCsv({ ...row, Columns: [{ name: 'a' }] })).toBeUndefined();
    expect(sniffedCsvReaderSql("it's.csv", readSniffedCsv(row)!)).toContain(
      "read_csv('it''s.csv', header = true, auto_detect = false, delim = ';', quote = '', escape = '', comment = ''",
    );
  });

  it('reads the same columns, types and values as the sniffing reader', async () => {
    const file = join(dir, 'mixed.txt');
    writeFileSync(
      file,
      [
        'name;when;score;flag',
        '"Smith; J.";03/02/2024;0.5;true',
        "O'Neil;15/12/2023;;false",
        '"say ""hi""";01/01/2024;1e-3;',
      ].join('\n') + '\n',
    );
    const source = await DuckDbSource.open(file);
    try {
      const [view] = await source.query("SELECT sql FROM duckdb_views() WHERE view_name = 'source'");
      expect(String(view?.sql)).toMatch(/auto_detect = CAST\('f' AS BOOLEAN\)/);
      const sniffedView = await source.queryWithTypes('SELECT * FROM source ORDER BY name');
      const plain = await source.queryWithTypes(
        `SELECT * FROM ${readerSql(file, { kind: 'text', label: 'delimited text' })} ORDER BY name`,
      );
      expect(sniffedView.columns).toEqual(plain.columns);
      expect(sniffedView.columns.map((column) => column.type)).toEqual([
        'VARCHAR',
        'DATE',
        'DOUBLE',
        'BOOLEAN',
      ]);
      expect(sniffedView.rows).toEqual(plain.rows);
      expect(sniffedView.rows.map((row) => row.name)).toEqual(["O'Neil", 'Smith; J.', 'say "hi"']);
    } finally {
      source.close();
    }
  });
});
