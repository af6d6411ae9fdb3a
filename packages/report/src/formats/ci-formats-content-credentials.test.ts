import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SHARED_ABSENT, hasShared, sharedPath } from '../../../../tests/shared-fixtures.js';
import { renderJunitReport } from './junit-report.js';
import { pathToUri, renderSarifReport } from './sarif-report.js';
import { HOSTILE_FILE_NAME } from '../../test/fixture-assets.js';
import { ASSETS_ROOT, contentCredentialsResult } from '../../test/fixture-content-credentials.js';

interface Testcase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_type': string };
  skipped?: unknown;
  'system-out'?: string;
}
interface Testsuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Testcase[];
}
interface SarifResult {
  ruleId: string;
  level: string;
  locations?: { physicalLocation?: { artifactLocation: { uri: string } } }[];
}

// ajv-draft-04 is CommonJS: under NodeNext its default import is module.exports, whose `default` is the class.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const result = contentCredentialsResult();

function parseJunit(xml: string): Testsuite[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml).testsuites.testsuite;
}

function sarifResults(text: string): SarifResult[] {
  return (JSON.parse(text) as { runs: { results: SarifResult[] }[] }).runs[0]?.results ?? [];
}

describe('renderJunitReport of a content-credentials result', () => {
  const xml = renderJunitReport(result);
  const suites = parseJunit(xml);

  it('is well-formed, with one testsuite for the area and one testcase per asset and requirement', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(suites.map((s) => s['@_name'])).toEqual(['content-credentials']);
    const cases = suites[0]?.testcase ?? [];
    expect(cases).toHaveLength(result.checks.length);
    const keys = cases.map((t) => `${t['@_classname']} ${t['@_name']}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(`c2pa.manifest C2PA manifest [file: ${ASSETS_ROOT}/generated/cat-tampered.jpg]`);
    expect(keys).toContain(`c2pa.signer C2PA signer [file: ${ASSETS_ROOT}/photos/no-manifest.jpg]`);
  });

  it('counts failures (fail, and not evaluated at level error) and skips the not-applicable check', () => {
    const suite = suites[0];
    expect([suite?.['@_tests'], suite?.['@_failures'], suite?.['@_skipped']]).toEqual(['21', '9', '1']);
    const cases = suite?.testcase ?? [];
    const failures = cases.filter((t) => t.failure !== undefined);
    expect(failures).toHaveLength(9);
    expect(failures.filter((t) => t.failure?.['@_type'] === 'error')).toHaveLength(4);
    const warned = cases.filter((t) => t['system-out']?.startsWith('WARNING:'));
    expect(warned.map((t) => t['@_classname']).sort()).toEqual(['assets.covered', 'assets.watermark']);
  });

  it('keeps a hostile file name as text in the testcase name', () => {
    const names = suites[0]?.testcase.map((t) => t['@_name']) ?? [];
    expect(names).toContain(`AI-generation declaration [file: ${ASSETS_ROOT}/${HOSTILE_FILE_NAME}]`);
    expect(xml).not.toContain('<img');
  });
});

describe('renderSarifReport of a content-credentials result', () => {
  const text = renderSarifReport(result);
  const results = sarifResults(text);

  it('locates every result at its asset path', () => {
    const notPassing = result.checks.filter((c) => ['fail', 'warn', 'error'].includes(c.status));
    expect(results).toHaveLength(notPassing.length);
    expect(results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation.uri)).toEqual(
      notPassing.map((c) => pathToUri(c.subject.file ?? '')),
    );
    const tampered = results.find((r) => r.ruleId === 'c2pa.manifest' && r.level === 'error');
    expect(tampered?.locations?.[0]?.physicalLocation?.artifactLocation.uri).toBe(
      'out/generated/cat-tampered.jpg',
    );
    const hostile = results.find((r) => r.ruleId === 'assets.ai-declaration');
    expect(hostile?.locations?.[0]?.physicalLocation?.artifactLocation.uri).toBe(
      'out/generated/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.png',
    );
  });

  it.skipIf(!hasShared('schemas', 'sarif', 'sarif-schema-2.1.0.json'))(
    'validates against the SARIF 2.1.0 schema ' + SHARED_ABSENT,
    () => {
      const schema = JSON.parse(
        readFileSync(sharedPath('schemas', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
      );
      const ajv = new AjvDraft04({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      const valid = validate(JSON.parse(text));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );
});
