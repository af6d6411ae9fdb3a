import { UsageError } from '@rai-audit/core';

/** A SQL identifier in double quotes, embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal in single quotes, embedded quotes doubled. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A finite number as a SQL literal (JavaScript's shortest round-trip form, e.g. `0.45`, `1e-7`). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

/** A possibly qualified table name (`schema.table`, `db.schema.table`), each part quoted as an identifier. */
export function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}

/*
 * Characters that no quoting makes safe everywhere: NUL ends the text in engines that read SQL as a C string, and a
 * backslash escapes the closing quote in dialects with backslash escapes (BigQuery, Spark, MySQL), letting the rest
 * of a name run as SQL. Every other character is safe inside quotes as quoteIdentifier and quoteLiteral write them.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNPORTABLE = /[\u0000\\]/;

/**
 * Fails with a UsageError when user text bound for SQL that runs elsewhere (--emit-sql) holds a character quoting
 * cannot make safe in every dialect; `what` names the flag or setting it came from.
 */
export function assertPortableSqlText(text: string, what: string): void {
  const found = UNPORTABLE.exec(text)?.[0];
  if (found === undefined) return;
  const name = found === '\u0000' ? 'a NUL character' : 'a backslash';
  throw new UsageError(
    `${what} ${JSON.stringify(text)} holds ${name}, which --emit-sql cannot quote safely`,
    {
      hint: 'Rename the table or column (or give a view over it without that character) and emit the query again',
    },
  );
}
