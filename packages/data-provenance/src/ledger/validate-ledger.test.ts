import { describe, expect, it } from 'vitest';
import { validateLedger } from './validate-ledger.js';

const issuesOf = (text: string) => {
  const result = validateLedger(text);
  return 'issues' in result ? result.issues : [];
};

describe('validateLedger', () => {
  it('accepts a full ledger', () => {
    const result = validateLedger(
      'version: 1\nintendedUse: research\ndatasets:\n  - name: a\n    license: cc-by-sa-4.0\n    usedFor: [training]\n' +
        '    trainingPermission: { status: allowed, source: https://example.org/terms }\n  - name: b\n    lineage: { derivedFrom: [a] }\n',
    );
    expect('value' in result && result.value.datasets.map((d) => d.name)).toEqual(['a', 'b']);
  });

  it('reports a YAML syntax error with its line and column', () => {
    expect(issuesOf('version: 1\ndatasets:\n  - name: a\n   license: [MIT\n')[0]).toMatchObject({
      path: '(syntax)',
      line: 4,
    });
  });

  it('points a schema error and a bad licence at their line, with the closest SPDX id', () => {
    const [wrongType] = issuesOf('version: 1\ndatasets:\n  - name: a\n    usedFor: training\n');
    expect(wrongType).toMatchObject({ path: 'datasets[0].usedFor', line: 4 });
    const [first, licence] = issuesOf(
      'version: 1\ndatasets:\n  - name: a\n    license: CC-BY-4\n    sources: []\n  - name: b\n    license: GPL-3.O\n',
    );
    expect(licence).toMatchObject({ path: 'datasets[1].license', line: 7, column: 14 });
    expect(licence?.hint).toContain('did you mean "GPL-3.0');
    expect(first).toMatchObject({ path: 'datasets[0].license', line: 4 });
    expect(first?.hint).toContain('did you mean "CC-BY-4.0"');
  });

  it('reports duplicate names and lineage to an unknown dataset', () => {
    const issues = issuesOf(
      'version: 1\ndatasets:\n  - name: a\n  - name: a\n    lineage: { derivedFrom: [zz] }\n',
    );
    expect(issues.map((i) => i.path)).toEqual(['datasets[1].name', 'datasets[1].lineage.derivedFrom[0]']);
  });
});
