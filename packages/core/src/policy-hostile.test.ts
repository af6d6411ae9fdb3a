import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCatalog, validatePolicy, type PolicyContext, type PolicyIssue } from './policy.js';

const catalog = createCatalog([
  {
    id: 'bias.demographic-parity-ratio',
    area: 'bias',
    title: 'Demographic parity ratio',
    description: 'min/max selection rate',
    defaultLevel: 'error',
    options: z.object({ min: z.number().gt(0).lte(1) }).strict(),
    defaultOptions: { min: 0.8 },
  },
]);
const context: PolicyContext = { catalog, presets: { strict: {} } };

function issuesOf(text: string): PolicyIssue[] {
  const result = validatePolicy(text, context);
  if (!('issues' in result)) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

/** Each level repeats the one before nine times: 9^8 ≈ 43 million strings once expanded. */
const aliasBomb = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefgh'.split('').map((name, i) => {
    const prev = 'abcdefgh'[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`;
  }),
  'checks: *h',
].join('\n');

describe('hostile policies end as issues that name the cause', () => {
  it('reports a YAML alias bomb instead of throwing or expanding it', () => {
    const issues = issuesOf(aliasBomb);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/aliases .*expand too far.*alias bomb/);
    expect(issues[0]!.hint).toMatch(/fewer aliases/);
  });

  it('still expands a few aliases, as a real policy uses them', () => {
    const result = validatePolicy(
      ['base: &level warn', 'checks:', '  bias.demographic-parity-ratio: *level']
        .join('\n')
        .replace('base', 'x-base'),
      context,
    );
    // x-base is an unknown key: the alias itself is fine, the issue is the key.
    expect('issues' in result && result.issues.map((i) => i.path)).toEqual(['(top level)']);
  });

  it.each([
    ['checks', 'checks:\n  __proto__: error\n', 'checks.__proto__', 2],
    [
      'check options',
      'checks:\n  bias.demographic-parity-ratio: [error, { __proto__: { min: 0.1 } }]\n',
      'checks["bias.demographic-parity-ratio"][1].__proto__',
      2,
    ],
    ['assets', 'assets:\n  __proto__: { c2pa: valid }\n', 'assets.__proto__', 2],
    ['the top level (JSON)', '{"failOn": "warn",\n "__proto__": {"checks": {}}}', '__proto__', 2],
  ])('reports a __proto__ key in %s with its place', (_where, text, path, line) => {
    const issues = issuesOf(text);
    expect(issues).toEqual([
      expect.objectContaining({ path, line, message: 'the key "__proto__" is not allowed' }),
    ]);
  });

  it.each(['constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    'reports %s as an unknown check id in checks and an unknown preset in extends',
    (key) => {
      expect(issuesOf(`checks:\n  ${key}: error\n`)).toEqual([
        expect.objectContaining({ path: `checks.${key}`, line: 2, message: `unknown check id "${key}"` }),
      ]);
      expect(issuesOf(`extends: ${key}\n`)).toEqual([
        expect.objectContaining({ path: 'extends', line: 1, message: `unknown preset "${key}"` }),
      ]);
    },
  );

  it('lists all seven issues of a policy with seven type errors, in file order', () => {
    const issues = issuesOf(
      [
        'failOn: 3',
        'trust: 5',
        'bias:',
        '  label: 6',
        'assets:',
        '  "*.png": { c2pa: maybe }',
        'extends: [7]',
        'checks:',
        '  bias.demographic-parity-ratio: [error, { min: "high" }]',
        '  bias.nope: warn',
      ].join('\n'),
    );
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [1, 'failOn'],
      [2, 'trust'],
      [4, 'bias.label'],
      [6, 'assets["*.png"].c2pa'],
      [7, 'extends'],
      [9, 'checks["bias.demographic-parity-ratio"][1].min'],
      [10, 'checks["bias.nope"]'],
    ]);
  });

  it('names nesting too deep for the parser instead of the engine stack', () => {
    const depth = 20_000;
    const issues = issuesOf('['.repeat(depth) + ']'.repeat(depth));
    expect(issues[0]).toMatchObject({ path: '(syntax)', line: 1 });
    expect(issues[0]!.message).toBe('the document nests too deeply to be a policy');
  });
});
