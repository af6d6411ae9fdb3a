import { InputError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { detectFormat, guessDelimiter, readerSql, splitDelimitedLine } from './data-format.js';
import { translateDuckDbError } from './duckdb-errors.js';

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
