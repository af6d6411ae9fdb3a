#!/usr/bin/env node
// Writes rai-audit's hostile corpus: bombs, truncations, hostile names and metadata, grouped by the command that
// reads them (bias/, policy/, assets/). Usage: node scripts/generate-hostile-corpus.mjs [out-folder]
// (default fixtures/hostile). The test tests/cli/hostile-corpus.test.ts generates it into a temporary folder and runs
// every file through its command: exit 0–3 with a message, never a crash or a hang. Nothing here is committed but
// this script: the files are made in a second, and some are megabytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const u32be = (n) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const u32le = (n) => Buffer.from([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255]);
const u16be = (n) => Buffer.from([(n >>> 8) & 255, n & 255]);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function pngChunk(type, data) {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}
const ihdr = (width, height) =>
  pngChunk('IHDR', Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 2, 0, 0, 0])]));
/** A valid RGB PNG of width×height grey pixels (filter byte 0 per row). */
function png(width, height, extra = []) {
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    ...extra,
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
const xmpItxt = (xmp) =>
  pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), Buffer.from(xmp)]));
const xmpZtxt = (compressed) =>
  pngChunk('zTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0'), compressed]));

const xmp = (sourceType) =>
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" ' +
  `Iptc4xmpExt:DigitalSourceType="${sourceType}"/></rdf:RDF></x:xmpmeta>`;
const laughs =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
  ']><x:xmpmeta xmlns:x="adobe:ns:meta/">&lol9;</x:xmpmeta>';

function jpeg(segments) {
  const parts = segments.map(([marker, body]) =>
    Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]),
  );
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...parts]);
}
const sof0 = (width, height) => [
  0xc0,
  Buffer.concat([
    Buffer.from([8]),
    u16be(height),
    u16be(width),
    Buffer.from([3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]),
  ]),
];
const app1Xmp = (text) => [
  0xe1,
  Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(text)]),
];

function webp(chunks, declared) {
  const body = Buffer.concat([
    Buffer.from('WEBP'),
    ...chunks.map(([type, data]) =>
      Buffer.concat([
        Buffer.from(type, 'latin1'),
        u32le(data.length),
        data,
        data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
      ]),
    ),
  ]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(declared ?? body.length), body]);
}
const vp8x = (width, height) => {
  const [w, h] = [width - 1, height - 1];
  return [
    'VP8X',
    Buffer.from([
      0x3c,
      0,
      0,
      0,
      w & 255,
      (w >> 8) & 255,
      (w >> 16) & 255,
      h & 255,
      (h >> 8) & 255,
      (h >> 16) & 255,
    ]),
  ];
};

const goodCsv =
  [
    'sex,label,prediction',
    ...Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'f' : 'm'},${i % 3 ? 1 : 0},${i % 5 ? 1 : 0}`),
  ].join('\n') + '\n';
const aliasBomb = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  'checks: *i',
].join('\n');

/** name → bytes, per command. `expect` in the test comes from the folder: policies are all invalid (exit 2). */
export function hostileCorpus() {
  const deep = 100_000;
  return {
    bias: {
      'deep-array.json': '['.repeat(deep) + ']'.repeat(deep),
      'deep-object.json': '{"a":'.repeat(deep) + '1' + '}'.repeat(deep),
      'deep-line.ndjson':
        '{"sex":"m","label":1,"prediction":1}\n' + '['.repeat(deep) + ']'.repeat(deep) + '\n',
      'truncated.json': '[{"sex":"m","label":1,"prediction":1},{"sex":"f","lab',
      'truncated.csv': goodCsv.slice(0, goodCsv.length - 7),
      'utf16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodCsv, 'utf16le')]),
      'invalid-utf8.csv': Buffer.concat([
        Buffer.from('sex,label,prediction\nm,1,1\n'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from(',0,1\n'),
      ]),
      'nul-bytes.csv': goodCsv.replace('m,', 'm\0,'),
      'unterminated-quote.csv': goodCsv.replace('f,1', '"male,1'),
      'duplicate-header.csv': goodCsv.replace('sex,label', 'sex,sex'),
      'ragged.csv': goodCsv + 'm,1\nf,1,1,1,1\n',
      'empty.csv': '',
      'header-only.csv': 'sex,label,prediction\n',
      'bom-crlf.csv': '\uFEFF' + goodCsv.replaceAll('\n', '\r\n'),
      'huge-line.csv': `sex,label,prediction\n${'x'.repeat(10 * 1024 * 1024)},1,1\n`,
      'binary.csv': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255)),
      'escape-sequences.csv': goodCsv.replace('f,1', '\u001b]0;pwned\u0007\u202e,1'),
    },
    policy: {
      'alias-bomb.yaml': aliasBomb,
      'deep-flow.yaml': '['.repeat(deep) + ']'.repeat(deep),
      'proto.yaml': 'checks:\n  __proto__: off\n',
      'proto.json': '{"checks": {"__proto__": "off"}}',
      'binary.yaml': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255)),
      'tags.yaml': 'checks: !!js/function "function () { return 1 }"\nfailOn: !!binary aGVsbG8=\n',
      'too-large.yaml': `# ${'x'.repeat(5 * 1024 * 1024)}\n`,
    },
    assets: {
      'huge-dimensions.png': Buffer.concat([
        PNG_SIGNATURE,
        ihdr(100_000, 100_000),
        pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
        pngChunk('IEND', Buffer.alloc(0)),
      ]),
      // 4000×4000 RGB inflates to 48 MB from about 50 KB of IDAT: within the pixel limit, so it is decoded.
      'idat-bomb.png': png(4000, 4000),
      'xmp-zlib-bomb.png': png(8, 8, [xmpZtxt(deflateSync(Buffer.alloc(64 * 1024 * 1024)))]),
      'xmp-billion-laughs.png': png(8, 8, [xmpItxt(laughs)]),
      'xmp-hostile-values.png': png(8, 8, [xmpItxt(xmp('<script>alert(1)</script>\u001b[2J\u202e'))]),
      'truncated.png': png(64, 64).subarray(0, 60),
      'lying-chunk-length.png': Buffer.concat([
        PNG_SIGNATURE,
        ihdr(8, 8),
        u32be(0x7fffffff),
        Buffer.from('iTXt'),
        Buffer.alloc(16),
      ]),
      'huge-dimensions.jpg': jpeg([
        app1Xmp(xmp('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia')),
        sof0(65535, 65535),
      ]),
      'garbage-jumbf.jpg': jpeg([
        [0xeb, Buffer.concat([Buffer.from('JP'), u16be(0), u32be(1), Buffer.alloc(200, 0xaa)])],
        sof0(8, 8),
      ]),
      'truncated.jpg': jpeg([app1Xmp(laughs), sof0(8, 8)]).subarray(0, 40),
      'huge-canvas.webp': webp([vp8x(16_777_216, 16_777_216)]),
      'riff-size-lie.webp': webp([vp8x(8, 8), ['XMP ', Buffer.from(laughs)]], 0xffffffff),
      'empty.png': Buffer.alloc(0),
      'text-named.png': 'just text, not an image\n',
      [`line\nbreak.png`]: png(8, 8),
      [`bidi-\u202eevil.gnp.png`]: png(8, 8),
      [`-rf leading dash.png`]: png(8, 8),
      [`glob[1]*?.png`]: png(8, 8),
      [`${'n'.repeat(240)}.png`]: png(8, 8),
      [`escape-\u001b[2J.png`]: png(8, 8),
    },
  };
}

/** Writes the corpus under `out` (replacing it) and returns the folder of each command. */
export function writeHostileCorpus(out) {
  rmSync(out, { recursive: true, force: true });
  const corpus = hostileCorpus();
  for (const [command, files] of Object.entries(corpus)) {
    mkdirSync(join(out, command), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, command, name), bytes);
  }
  return Object.fromEntries(Object.keys(corpus).map((command) => [command, join(out, command)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join('fixtures', 'hostile');
  writeHostileCorpus(out);
  console.log(`hostile corpus written to ${out}`);
}
