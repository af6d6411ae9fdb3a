import { describe, expect, it } from 'vitest';
import { parseLicenseExpression } from './parse.js';

describe('parseLicenseExpression', () => {
  it('parses a compound SPDX expression into canonical form and sorted ids', () => {
    const parsed = parseLicenseExpression('(mit or Apache-2.0) and cc-by-4.0');
    expect(parsed).toMatchObject({
      ok: true,
      expression: '(MIT OR Apache-2.0) AND CC-BY-4.0',
      ids: ['Apache-2.0', 'CC-BY-4.0', 'MIT'],
    });
  });

  it('keeps exceptions and LicenseRef ids', () => {
    expect(
      parseLicenseExpression('GPL-2.0-only WITH Classpath-exception-2.0 OR LicenseRef-acme'),
    ).toMatchObject({
      ok: true,
      expression: 'GPL-2.0-only WITH Classpath-exception-2.0 OR LicenseRef-acme',
      ids: ['GPL-2.0-only', 'LicenseRef-acme'],
    });
  });

  it.each([
    ['cc-by-nc-sa-4.0', 'CC-BY-NC-SA-4.0'],
    ['openrail', 'LicenseRef-OpenRAIL'],
    ['bigscience-openrail-m', 'LicenseRef-BigScience-OpenRAIL-M'],
    ['llama3.1', 'LicenseRef-Llama-3.1'],
    ['Apache License 2.0', 'Apache-2.0'],
    ['CC BY-NC 4.0', 'CC-BY-NC-4.0'],
    ['Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International', 'CC-BY-NC-SA-4.0'],
    ['Attribution 4.0', undefined],
  ])('resolves the alias %s', (text, id) => {
    const parsed = parseLicenseExpression(text);
    if (id === undefined) expect(parsed.ok).toBe(false);
    else expect(parsed).toMatchObject({ ok: true, expression: id, aliased: [`${text} → ${id}`] });
  });

  it('resolves aliases inside an expression', () => {
    expect(parseLicenseExpression('cc-by-sa-4.0 OR openrail++')).toMatchObject({
      ok: true,
      expression: 'CC-BY-SA-4.0 OR LicenseRef-OpenRAIL-plus-plus',
    });
  });

  it('refuses a misspelt id with the closest SPDX id, never correcting it silently', () => {
    expect(parseLicenseExpression('Apachee-2.0')).toMatchObject({ ok: false, suggestion: 'Apache-2.0' });
    expect(parseLicenseExpression('MTI')).toMatchObject({ ok: false, suggestion: 'MIT' });
    const bad = parseLicenseExpression('MIT AND Apachy-2.0');
    expect(bad).toMatchObject({ ok: false, suggestion: 'Apache-2.0' });
    if (!bad.ok) expect(bad.message).toContain('Apachy-2.0');
  });

  it('refuses broken syntax and empty text', () => {
    expect(parseLicenseExpression('MIT AND')).toMatchObject({ ok: false });
    expect(parseLicenseExpression('(MIT')).toMatchObject({ ok: false });
    expect(parseLicenseExpression('  ')).toMatchObject({ ok: false, message: 'the licence is empty' });
  });
});
