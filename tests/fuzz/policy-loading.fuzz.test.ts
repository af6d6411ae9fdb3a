import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UsageError } from '../../packages/core/src/index.js';
import { loadPolicySources } from '../../packages/cli/src/policy-catalog.js';
import { loadPolicy, type PolicySources } from '../../packages/cli/src/policy-loader.js';
import { tempDir } from '../cli/run-cli.js';
import { FUZZ } from './fuzz-settings.js';

// Every text given to --policy ends as a policy or as a UsageError with a message naming the file; any other
// exception (a TypeError, a RangeError from the parser, a stack overflow) is a defect.

let sources: PolicySources;
const dir = tempDir('rai-audit-fuzz-policy-');
let counter = 0;

beforeAll(async () => {
  sources = await loadPolicySources();
});

async function outcomeOf(text: string): Promise<'value' | 'usage'> {
  const file = join(dir, `policy-${counter++}.yaml`);
  writeFileSync(file, text);
  try {
    const policy = await loadPolicy(file, sources);
    expect(['error', 'warn']).toContain(policy.failOn);
    return 'value';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.describe()).toContain(file);
    return 'usage';
  }
}

/** Pieces of YAML and JSON syntax, hostile ones included: anchors, aliases, tags, merge keys, directives. */
const token = fc.constantFrom(
  'checks',
  'extends',
  'failOn',
  'bias',
  'assets',
  'trust',
  '__proto__',
  'constructor',
  'prototype',
  'bias.demographic-parity-ratio',
  'c2pa.manifest-valid',
  'recommended',
  'error',
  'warn',
  'off',
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '\n    ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&a ',
  '*a',
  '&b ',
  '*b',
  '<<: ',
  '!!binary ',
  '!!js/function ',
  '!custom ',
  '? ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '#',
  '|\n  ',
  '>-\n  ',
  '0.8',
  '1e308',
  '-0',
  '.nan',
  'null',
  '~',
  'true',
  '"\\u0000"',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\t',
  '\r\n',
  '{ min: 0.9 }',
  '[error, { min: 2 }]',
  '"**/*.png": { c2pa: valid }',
);
const yamlSoup = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));

const knownIds = [
  'bias.demographic-parity-ratio',
  'bias.min-group-size',
  'c2pa.manifest-valid',
  'no.such-check',
  '__proto__',
  'constructor',
];
const anyValue = fc.oneof(
  fc.constantFrom('error', 'warn', 'off', 'fail'),
  fc.jsonValue({ maxDepth: 3 }),
  fc.tuple(
    fc.constantFrom('error', 'warn', 'x'),
    fc.dictionary(fc.constantFrom('min', 'max', 'tau', '__proto__', 'basis'), fc.jsonValue({ maxDepth: 2 })),
  ),
);
/** Policies close to valid: the real keys, real and unknown check ids, values right and wrong. */
const nearValid = fc.record(
  {
    extends: fc.oneof(
      fc.constantFrom('recommended', 'nope', 'constructor'),
      fc.array(fc.string(), { maxLength: 3 }),
    ),
    failOn: fc.constantFrom('error', 'warn', 'never', 3),
    checks: fc.dictionary(fc.constantFrom(...knownIds), anyValue, { maxKeys: 5 }),
    bias: fc.dictionary(
      fc.constantFrom('attributes', 'label', 'prediction', 'score', 'weight', 'positiveLabel', 'x'),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 4 },
    ),
    assets: fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.dictionary(
        fc.constantFrom('c2pa', 'signer', 'watermark', 'license', 'ai-declaration'),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 3 },
      ),
      { maxKeys: 3 },
    ),
    trust: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const asText = fc
  .tuple(nearValid, fc.constantFrom('yaml', 'json'), fc.option(fc.nat(), { nil: undefined }))
  .map(([policy, syntax, cut]) => {
    const text = syntax === 'json' ? JSON.stringify(policy, null, 1) : stringify(policy);
    // Sometimes the file is cut short, as by a failed write.
    return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
  });

describe('fuzz: policy loading ends in a policy or a usage error', () => {
  it('arbitrary text, including invalid UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        async (text) => {
          await outcomeOf(text);
        },
      ),
      FUZZ.cheap,
    );
  });

  it('YAML and JSON syntax soup: anchors, aliases, tags, directives', async () => {
    await fc.assert(
      fc.asyncProperty(yamlSoup, async (text) => void (await outcomeOf(text))),
      FUZZ.cheap,
    );
  });

  it('near-valid policies as YAML or JSON, whole or cut short', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(asText, async (text) => void seen.add(await outcomeOf(text))),
      FUZZ.cheap,
    );
    // The generator reaches both ends: policies that load and policies that do not.
    expect([...seen].sort()).toEqual(['usage', 'value']);
  });
});
