import { describe, expect, it } from 'vitest';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { SHARED_ABSENT, hasShared, readSharedJson } from '../../../../tests/shared-fixtures.js';
import { pathToUri, renderSarifReport } from './sarif-report.js';
import { demoResult, hostileResult } from '../../test/fixtures.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: {
    physicalLocation?: { artifactLocation: { uri: string } };
    logicalLocations?: { name: string; fullyQualifiedName: string }[];
  }[];
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string }[] } };
    results: SarifResult[];
  }[];
}

// ajv-draft-04 is CommonJS: under NodeNext its default import is module.exports, whose `default` is the class.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

function parseSarif(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

describe.skipIf(!hasShared('schemas', 'sarif', 'sarif-schema-2.1.0.json'))(
  'renderSarifReport against the SARIF 2.1.0 schema ' + SHARED_ABSENT,
  () => {
    const schema = readSharedJson('schemas', 'sarif', 'sarif-schema-2.1.0.json') ?? {};
    const ajv = new AjvDraft04({ strict: false, allErrors: true });
    addFormats(ajv); // the schema constrains uri and date-time values too
    const validate = ajv.compile(schema);

    it.each([
      ['demo result', demoResult],
      ['hostile result', hostileResult],
    ])('%s validates', (_name, build) => {
      const valid = validate(JSON.parse(renderSarifReport(build())));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it('rejects a log the schema forbids (the validator is live)', () => {
      const log = parseSarif(renderSarifReport(demoResult()));
      const broken = {
        ...log,
        runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: {} }] }],
      };
      expect(validate(broken)).toBe(false);
    });
  },
);

describe('renderSarifReport', () => {
  const result = demoResult();
  const log = parseSarif(renderSarifReport(result));
  const run = log.runs[0];

  it('has one run by rai-audit with one rule per distinct check id, sorted', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run?.tool.driver.name).toBe('rai-audit');
    expect(run?.tool.driver.version).toBe('0.1.0');
    const ids = run?.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual([...new Set(result.checks.map((check) => check.id))].sort());
  });

  it('reports every check that did not pass, with ruleId the check id and the matching ruleIndex', () => {
    const results = run?.results ?? [];
    const expected = result.checks.filter(
      (c) => c.status === 'fail' || c.status === 'warn' || c.status === 'error',
    );
    expect(results.map((r) => r.ruleId)).toEqual(expected.map((c) => c.id));
    for (const r of results) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'warning', 'error', 'error']);
  });

  it('puts the subject and actual vs expected in the message', () => {
    const text = run?.results[0]?.message.text ?? '';
    expect(text).toContain('attribute: sex');
    expect(text).toContain('Actual 0.625, expected ≥ 0.8');
  });

  it('locates a check at its file, or else at the data file with the attribute as a logical location', () => {
    const label = run?.results.find((r) => r.ruleId === 'c2pa.ai-label-present');
    expect(label?.locations?.[0]?.physicalLocation?.artifactLocation.uri).toBe(
      'assets/generated%20cat%20%232.jpg',
    );
    const parity = run?.results[0]?.locations?.[0];
    expect(parity?.physicalLocation?.artifactLocation.uri).toBe('fixtures/demo/predictions.csv');
    expect(parity?.logicalLocations?.[0]?.fullyQualifiedName).toBe('sex');
  });
});

describe('pathToUri', () => {
  it.each([
    ['data/predictions.csv', 'data/predictions.csv'],
    ['./data/a b.csv', 'data/a%20b.csv'],
    ['data\\sub\\x.csv', 'data/sub/x.csv'],
    ['/abs/x?.csv', 'file:///abs/x%3F.csv'],
    ['C:\\work\\x.csv', 'file:///C:/work/x.csv'],
  ])('%s → %s', (path, uri) => {
    expect(pathToUri(path)).toBe(uri);
  });
});
