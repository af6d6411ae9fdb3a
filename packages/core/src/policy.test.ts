import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createCatalog,
  defaultPolicy,
  formatPath,
  formatPolicyIssues,
  validatePolicy,
  type PolicyContext,
  type PolicyIssue,
} from './policy.js';

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
  {
    id: 'bias.min-group-size',
    area: 'bias',
    title: 'Minimum group size',
    description: 'groups below min are flagged',
    defaultLevel: 'warn',
    options: z.object({ min: z.number().int().positive() }).strict(),
    defaultOptions: { min: 30 },
  },
]);
const context: PolicyContext = {
  catalog,
  presets: { strict: { 'bias.min-group-size': ['error', { min: 100 }] } },
};

function issuesOf(text: string): PolicyIssue[] {
  const result = validatePolicy(text, context);
  if (!('issues' in result)) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

describe('validatePolicy', () => {
  it('gives every known check its default level and options when the file is empty', () => {
    const result = validatePolicy('', context);
    expect(result).toEqual({ value: defaultPolicy(catalog) });
    expect(defaultPolicy(catalog).checks['bias.min-group-size']).toEqual({
      level: 'warn',
      options: { min: 30 },
    });
  });

  it('applies levels, options, presets and failOn from YAML', () => {
    const result = validatePolicy(
      [
        'extends: strict',
        'failOn: warn',
        'checks:',
        '  bias.demographic-parity-ratio: [warn, { min: 0.9 }]',
      ].join('\n'),
      context,
    );
    expect(result).toEqual({
      value: {
        failOn: 'warn',
        checks: {
          'bias.demographic-parity-ratio': { level: 'warn', options: { min: 0.9 } },
          'bias.min-group-size': { level: 'error', options: { min: 100 } },
        },
        assets: [],
        trust: [],
        bias: {},
      },
    });
  });

  it('keeps asset rules in file order and validates their requirements', () => {
    const result = validatePolicy(
      [
        'assets:',
        '  "generated/**": { c2pa: valid, ai-declaration: required }',
        '  "**/*.png": { watermark: any-known }',
        'trust: [certs/our-root-ca.pem]',
      ].join('\n'),
      context,
    );
    expect('value' in result && result.value.trust).toEqual(['certs/our-root-ca.pem']);
    expect('value' in result && result.value.assets).toEqual([
      { glob: 'generated/**', requirements: { c2pa: 'valid', 'ai-declaration': 'required' } },
      { glob: '**/*.png', requirements: { watermark: 'any-known' } },
    ]);
    const [issue] = issuesOf('assets:\n  "photos/**": { c2pa: signed }\n');
    expect(issue?.path).toBe('assets["photos/**"].c2pa');
    expect(issue?.line).toBe(2);
  });

  it('reads JSON too, and a bare level keeps the default options', () => {
    const result = validatePolicy('{"checks": {"bias.min-group-size": "off"}}', context);
    expect('value' in result && result.value.checks['bias.min-group-size']).toEqual({
      level: 'off',
      options: { min: 30 },
    });
  });

  it('names the exact path and line of a wrong option type', () => {
    const [issue, ...rest] = issuesOf(
      ['checks:', '  bias.demographic-parity-ratio: [error, { min: "high" }]'].join('\n'),
    );
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('checks["bias.demographic-parity-ratio"][1].min');
    expect(issue?.line).toBe(2);
    expect(issue?.message).toMatch(/number/);
  });

  it('suggests the closest id for a misspelt check', () => {
    const [issue] = issuesOf('checks:\n  bias.demographic-parity-raito: error\n');
    expect(issue?.message).toBe('unknown check id "bias.demographic-parity-raito"');
    expect(issue?.hint).toBe('Did you mean "bias.demographic-parity-ratio"?');
  });

  it('rejects an unknown level, an unknown option, an unknown top-level key and an unknown preset', () => {
    expect(issuesOf('checks:\n  bias.min-group-size: fatal\n')[0]?.path).toBe(
      'checks["bias.min-group-size"]',
    );
    expect(issuesOf('checks:\n  bias.min-group-size: [warn, { mni: 3 }]\n')[0]?.path).toBe(
      'checks["bias.min-group-size"][1]',
    );
    expect(issuesOf('chekcs: {}\n')[0]?.message).toMatch(/chekcs/);
    const [preset] = issuesOf('extends: [strict, lenient]\n');
    expect(preset?.path).toBe('extends[1]');
    expect(preset?.hint).toBe('Presets: strict');
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issuesOf('checks:\n  bias.min-group-size: [warn, {min: 3}\n');
    expect(issue?.path).toBe('(syntax)');
    expect(issue?.line).toBeGreaterThanOrEqual(2);
  });

  it('formats issues as file:line:col lines', () => {
    const text = formatPolicyIssues('policy.yaml', [
      { path: 'checks.x', line: 3, column: 5, message: 'bad', hint: 'Fix it' },
      { path: 'failOn', message: 'worse' },
    ]);
    expect(text).toBe('policy.yaml:3:5: checks.x: bad. Fix it\npolicy.yaml: failOn: worse');
  });
});

describe('formatPath', () => {
  it('writes identifiers with dots, other keys quoted and indexes in brackets', () => {
    expect(formatPath(['checks', 'bias.x', 1, 'min'])).toBe('checks["bias.x"][1].min');
    expect(formatPath([])).toBe('(top level)');
  });
});

describe('createCatalog', () => {
  it('refuses a duplicate id', () => {
    const def = [...catalog.values()][0]!;
    expect(() => createCatalog([def, def])).toThrow(/defined twice/);
  });
});
