import { describe, expect, it } from 'vitest';
import { cardLicenseIssues } from './card-licenses.js';
import { parseCardSource } from './parse-card-source.js';
import { starterCard } from './starter-card.js';

describe('parseCardSource', () => {
  it('names the line and column of a YAML syntax error', () => {
    const result = parseCardSource('model:\n  name: x\n  owners: [a, b\nlimitations: []\n');
    expect('issues' in result && result.kind).toBe('syntax');
    if (!('issues' in result)) return;
    expect(result.issues[0]?.line).toBeGreaterThanOrEqual(3);
    expect(result.issues[0]?.column).toBeGreaterThan(0);
  });

  it('names the key path and line of a wrong type', () => {
    const result = parseCardSource('model:\n  name: x\nlimitations: 42\n');
    expect('issues' in result).toBe(true);
    if (!('issues' in result)) return;
    expect(result.issues[0]).toMatchObject({ path: 'limitations', line: 3 });
    expect(result.issues[0]?.message).toMatch(/array/);
  });

  it('keeps unknown keys and warns about each, with its path', () => {
    const result = parseCardSource('model:\n  name: x\n  colour: blue\nlimitatons: [typo]\n');
    expect('value' in result).toBe(true);
    if (!('value' in result)) return;
    expect(result.value).toMatchObject({ limitatons: ['typo'], model: { colour: 'blue' } });
    expect(result.warnings.join('\n')).toMatch(/model\.colour/);
    expect(result.warnings.join('\n')).toMatch(/limitatons/);
  });

  it('refuses a licence that is not an SPDX expression, with the closest id and its line', () => {
    const result = parseCardSource('model:\n  name: x\n  license: GPL-3.0-onyl\n');
    if (!('value' in result)) throw new Error('expected a card');
    const issues = cardLicenseIssues(result.value, result.locate);
    expect(issues[0]).toMatchObject({ path: 'model.license', line: 3 });
    expect(issues[0]?.hint).toMatch(/Did you mean "GPL-3\.0-/);
  });

  it('reads back the starter card that init writes, even with hostile answers', () => {
    const text = starterCard({ name: 'x: y\n---\n# z', license: 'MIT', owner: "O'Neil" });
    const result = parseCardSource(text);
    if (!('value' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result.value.model.name).toBe('x: y\n---\n# z');
    expect(result.value.model.owners?.[0]?.name).toBe("O'Neil");
    expect(result.warnings).toEqual([]);
  });
});
