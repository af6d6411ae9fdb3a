import { describe, expect, it } from 'vitest';
import { countManifests, MAX_INGREDIENT_DEPTH, walkManifests } from './manifest-store.js';
import { readValidation } from './validation-results.js';

const manifest = (ingredientLabels: string[], extra: Record<string, unknown> = {}) => ({
  ingredients: ingredientLabels.map((label) => ({ title: `from ${label}`, active_manifest: label })),
  ...extra,
});

describe('walkManifests', () => {
  it('reads actions from c2pa.actions and c2pa.actions.v2, with v1 and v2 software agents', () => {
    const store = {
      manifests: {
        a: {
          claim_generator_info: [{ name: 'maker', version: '1.0' }],
          assertions: [
            {
              label: 'c2pa.actions',
              data: { actions: [{ action: 'c2pa.created', softwareAgent: 'Tool 1' }] },
            },
            {
              label: 'c2pa.actions.v2__1',
              data: {
                actions: [
                  {
                    action: 'c2pa.edited',
                    digitalSourceType: ' x ',
                    softwareAgent: { name: 'Tool', version: '2' },
                  },
                  { notAnAction: true },
                ],
              },
            },
            { label: 'c2pa.actions.v2.extra', data: { actions: [{ action: 'ignored' }] } },
          ],
        },
      },
    };
    const [active] = walkManifests(store, 'a');
    expect(active?.actions.map((action) => [action.assertion, action.action, action.softwareAgent])).toEqual([
      ['c2pa.actions', 'c2pa.created', 'Tool 1'],
      ['c2pa.actions.v2__1', 'c2pa.edited', 'Tool 2'],
    ]);
    expect(active?.actions[1]?.digitalSourceType).toBe(' x ');
    expect(active?.claimGenerator).toBe('maker');
  });

  it('reads each soft-binding block, and an assertion without blocks as one entry', () => {
    const store = {
      manifests: {
        a: {
          assertions: [
            {
              label: 'c2pa.soft-binding',
              data: { alg: 'com.example.wm', blocks: [{ value: '01' }, { value: '10' }] },
            },
            { label: 'c2pa.soft-binding__1', data: { alg: 'com.example.fp' } },
          ],
        },
      },
    };
    expect(walkManifests(store, 'a')[0]?.softBindings).toEqual([
      { assertion: 'c2pa.soft-binding', alg: 'com.example.wm', value: '01' },
      { assertion: 'c2pa.soft-binding', alg: 'com.example.wm', value: '10' },
      { assertion: 'c2pa.soft-binding__1', alg: 'com.example.fp', value: null },
    ]);
  });

  it('visits each manifest once when ingredients point back (a loop), breadth first', () => {
    const store = {
      manifests: { a: manifest(['b', 'c']), b: manifest(['a', 'c']), c: manifest(['missing']) },
    };
    const walked = walkManifests(store, 'a');
    expect(walked.map((m) => [m.label, m.role, m.depth])).toEqual([
      ['a', 'active', 0],
      ['b', 'ingredient', 1],
      ['c', 'ingredient', 1],
    ]);
    expect(countManifests(store)).toBe(3);
  });

  it('stops at the depth limit on a very deep chain', () => {
    const manifests: Record<string, unknown> = {};
    for (let index = 0; index < MAX_INGREDIENT_DEPTH + 10; index++)
      manifests[`m${index}`] = manifest([`m${index + 1}`]);
    const walked = walkManifests({ manifests }, 'm0');
    expect(walked).toHaveLength(MAX_INGREDIENT_DEPTH + 1);
    expect(walked.at(-1)?.depth).toBe(MAX_INGREDIENT_DEPTH);
  });

  it('returns nothing for an active label that is not in the store, and tolerates odd shapes', () => {
    expect(walkManifests({ manifests: { a: manifest([]) } }, 'zz')).toEqual([]);
    const odd = walkManifests(
      { manifests: { a: { assertions: 'no', ingredients: [null, 3], signature_info: [] } } },
      'a',
    );
    expect(odd[0]?.ingredients).toEqual([
      { title: null, format: null, relationship: null, manifestLabel: null },
      { title: null, format: null, relationship: null, manifestLabel: null },
    ]);
    expect(odd[0]?.signer.issuer).toBeNull();
  });
});

describe('readValidation', () => {
  it('keeps the reported state and every code with its explanation', () => {
    const validation = readValidation({
      validation_state: 'Trusted',
      validation_results: {
        activeManifest: { success: [{ code: 'claimSignature.validated', explanation: 'ok', url: 'u' }] },
        ingredientDeltas: [
          {
            ingredientAssertionURI: 'i',
            validationDeltas: { failure: [{ code: 'assertion.dataHash.mismatch' }] },
          },
        ],
      },
    });
    expect(validation.state).toBe('Trusted');
    expect(validation.activeManifest.success).toEqual([
      { code: 'claimSignature.validated', explanation: 'ok', url: 'u' },
    ]);
    expect(validation.ingredientDeltas[0]).toMatchObject({
      ingredientAssertionUri: 'i',
      failure: [{ code: 'assertion.dataHash.mismatch' }],
    });
  });

  it('derives the state when the store lacks it: untrusted alone is tolerated, any other failure is Invalid', () => {
    const untrusted = { activeManifest: { failure: [{ code: 'signingCredential.untrusted' }] } };
    expect(readValidation({ validation_results: untrusted }).state).toBe('Valid');
    const mismatch = { activeManifest: { failure: [{ code: 'assertion.dataHash.mismatch' }] } };
    expect(readValidation({ validation_results: mismatch }).state).toBe('Invalid');
  });
});
