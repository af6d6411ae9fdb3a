import fc from 'fast-check';

/** A generated input file: its name (the extension picks the reader) and its bytes. */
export interface TableFile {
  name: string;
  bytes: Buffer;
  /** What was generated, for a failing case's report. */
  description: string;
}

const INVALID_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]);

/** Cell values: ordinary ones, and the pieces that break naive readers. */
const cell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('0', '1', 'm', 'f', 'x', '', 'NA', 'true', 'no', '1.5', '-1', '1e308'),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '"',
      '""',
      '"male',
      'a,b',
      'a\tb',
      '"quoted ""inner"""',
      'line\nbreak',
      '\r',
      '\u0000',
      '\uFEFF',
      '\u202E',
      '\u001b[2J',
      '(missing)',
      'NULL',
    ),
  },
  // A large field, bounded: big enough to cross buffer boundaries, small enough for a fast suite.
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

const header = fc.oneof(
  { weight: 8, arbitrary: fc.constant(['sex', 'label', 'prediction']) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'sex',
          'label',
          'prediction',
          '',
          ' sex',
          'Sex',
          '"sex"',
          '\uFEFFsex',
          'a"b',
          'x\ny',
          'label',
        ),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .map((names) => [...names, 'sex', 'label', 'prediction'].slice(0, Math.max(names.length, 3))),
  },
);

/** A well-formed row (sex, label, prediction), so that some tables get through to an audit. */
const goodRow = fc.tuple(
  fc.constantFrom('m', 'f', 'x', ''),
  fc.constantFrom('0', '1'),
  fc.constantFrom('0', '1'),
);
const row = fc.oneof(
  { weight: 8, arbitrary: goodRow },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: 5 }) },
);
const rows = fc.array(row, { maxLength: 40 });

/** Hostile bits applied to the serialized text or bytes. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const damage = fc.record({
  bom: fc.boolean(),
  crlf: fc.boolean(),
  invalidUtf8At: rarely(fc.nat()),
  nulAt: rarely(fc.nat()),
  truncateAt: rarely(fc.nat()),
});

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function quoteDelimited(value: string, sep: string, quoteAll: boolean): string {
  return quoteAll || value.includes(sep) || /["\n\r]/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

function applyDamage(text: string, d: Damage): Buffer {
  let bytes = Buffer.from(d.crlf ? text.replaceAll('\n', '\r\n') : text, 'utf8');
  const at = (n: number) => n % (bytes.length + 1);
  if (d.invalidUtf8At !== undefined) {
    const i = at(d.invalidUtf8At);
    bytes = Buffer.concat([bytes.subarray(0, i), INVALID_UTF8, bytes.subarray(i)]);
  }
  if (d.nulAt !== undefined) {
    const i = at(d.nulAt);
    bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([0]), bytes.subarray(i)]);
  }
  if (d.truncateAt !== undefined) bytes = bytes.subarray(0, at(d.truncateAt));
  return d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

const delimited = (ext: 'csv' | 'tsv') =>
  fc.tuple(header, rows, fc.boolean(), damage).map(([head, body, quoteAll, d]): TableFile => {
    const sep = ext === 'csv' ? ',' : '\t';
    const line = (values: readonly string[]) => values.map((v) => quoteDelimited(v, sep, quoteAll)).join(sep);
    // Ragged rows stay ragged: rows are as long as generated, not as long as the header.
    const text = [line(head), ...body.map(line)].join('\n') + '\n';
    return {
      name: `data.${ext}`,
      bytes: applyDamage(text, d),
      description: JSON.stringify({ head, rows: body.length, d }),
    };
  });

const jsonValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('m', 'f', 0, 1, '0', '1') },
  cell,
  fc.jsonValue({ maxDepth: 3 }),
);
const records = fc
  .tuple(header, fc.array(fc.array(jsonValue, { maxLength: 5 }), { maxLength: 30 }))
  .map(([head, body]) =>
    body.map((values) =>
      Object.fromEntries(head.map((name, i) => [name, values[i]]).filter(([, v]) => v !== undefined)),
    ),
  );

const json = fc.tuple(records, damage).map(([objects, d]): TableFile => ({
  name: 'data.json',
  bytes: applyDamage(JSON.stringify(objects), d),
  description: JSON.stringify({ records: objects.length, d }),
}));

const ndjson = fc.tuple(records, fc.boolean(), damage).map(([objects, blankLines, d]): TableFile => ({
  name: 'data.ndjson',
  bytes: applyDamage(objects.map((o) => JSON.stringify(o)).join(blankLines ? '\n\n' : '\n') + '\n', d),
  description: JSON.stringify({ records: objects.length, blankLines, d }),
}));

/** Tables in every text format the bias command reads, with hostile bits. */
export const hostileTable = { csv: delimited('csv'), tsv: delimited('tsv'), json, ndjson };
