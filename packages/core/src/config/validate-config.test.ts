import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCatalog, type CheckDefinition, type PolicyContext } from '../policy.js';
import { validateConfig } from './validate-config.js';

const definition: CheckDefinition = {
  id: 'bias.demographic-parity-ratio',
  area: 'bias',
  title: 'Demographic parity ratio',
  description: '',
  defaultLevel: 'error',
  options: z.object({ min: z.number() }).strict(),
  defaultOptions: { min: 0.8 },
};
const context: PolicyContext = { catalog: createCatalog([definition]), presets: { recommended: {} } };

describe('validateConfig', () => {
  it('reads every block and resolves the policy with its waivers and asset rules', () => {
    const result = validateConfig(
      [
        'bias:',
        '  data: preds.csv',
        '  attributes: [sex]',
        '  label: y',
        'assets:',
        '  paths: generated/',
        '  requirements: { "**/*.png": { c2pa: valid } }',
        'policy:',
        '  extends: recommended',
        '  checks: { bias.demographic-parity-ratio: [warn, { min: 0.9 }] }',
        '  waivers:',
        '    - { check: bias.demographic-parity-ratio, reason: r, owner: o, expires: 2026-06-30 }',
      ].join('\n'),
      context,
    );
    if (!('value' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result.value.policy.checks['bias.demographic-parity-ratio']).toEqual({
      level: 'warn',
      options: { min: 0.9 },
    });
    expect(result.value.policy.waivers?.[0]).toMatchObject({ area: 'bias', expires: '2026-06-30' });
    expect(result.value.policy.assets).toEqual([{ glob: '**/*.png', requirements: { c2pa: 'valid' } }]);
  });

  it('names the key, line and fix of a mistake, with a suggestion for a misspelt check id', () => {
    const result = validateConfig(
      [
        'policy:',
        '  waivers:',
        '    - { check: bias.demographic-parity-ratoi, reason: r, owner: o, expires: 2026-06-30 }',
      ].join('\n'),
      context,
    );
    expect(result).toMatchObject({
      issues: [
        { path: 'policy.waivers[0].check', line: 3, hint: 'Did you mean "bias.demographic-parity-ratio"?' },
      ],
    });
  });

  it('rejects an unknown block and a waiver without an expiry date', () => {
    const unknown = validateConfig('biass: {}\n', context);
    expect('issues' in unknown && unknown.issues[0]?.message).toMatch(/unrecognized key/i);
    const noExpiry = validateConfig(
      'policy:\n  waivers:\n    - { check: bias.demographic-parity-ratio, reason: r, owner: o }\n',
      context,
    );
    expect('issues' in noExpiry && noExpiry.issues[0]?.path).toBe('policy.waivers[0].expires');
  });

  it('reports a YAML syntax error with its line and column', () => {
    const result = validateConfig('bias:\n  label: [unclosed\n', context);
    expect(result).toMatchObject({ issues: [{ path: '(syntax)', line: expect.any(Number) }] });
  });
});
