import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunitReport } from './junit-report.js';
import { SCRIPT_INJECTION, demoResult, hostileResult } from '../../test/fixtures.js';

interface Testcase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_type': string; '#text': string };
  skipped?: unknown;
  'system-out'?: string;
}
interface Testsuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: Testcase[];
}

function parseJunit(xml: string): { '@_tests': string; '@_failures': string; testsuite: Testsuite[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml).testsuites;
}

describe('renderJunitReport', () => {
  const xml = renderJunitReport(demoResult());

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has one testsuite per area with the right counts', () => {
    const suites = parseJunit(xml).testsuite;
    const counts = suites.map((s) => [
      s['@_name'],
      s['@_tests'],
      s['@_failures'],
      s['@_errors'],
      s['@_skipped'],
    ]);
    expect(counts).toEqual([
      ['bias', '7', '1', '0', '2'],
      ['content-credentials', '2', '1', '0', '0'],
      ['model-card', '1', '1', '0', '0'],
    ]);
    for (const suite of suites) {
      expect(suite.testcase).toHaveLength(Number(suite['@_tests']));
      expect(suite.testcase.filter((t) => t.failure !== undefined)).toHaveLength(Number(suite['@_failures']));
      expect(suite.testcase.filter((t) => t.skipped !== undefined)).toHaveLength(Number(suite['@_skipped']));
    }
  });

  it('totals the counts on testsuites', () => {
    const root = parseJunit(xml);
    expect([root['@_tests'], root['@_failures']]).toEqual(['10', '3']);
  });

  it('names testcases by check id and title with subject, and maps every status', () => {
    const cases = parseJunit(xml).testsuite.flatMap((s) => s.testcase);
    const byName = (name: string): Testcase | undefined => cases.find((t) => t['@_name'] === name);
    const failed = byName('Demographic parity ratio [attribute: sex, metric: selection_rate]');
    expect(failed?.['@_classname']).toBe('bias.demographic-parity-ratio');
    expect(failed?.failure?.['@_type']).toBe('fail');
    expect(
      byName('Card metrics match the audit [file: README.md, field: model-index]')?.failure?.['@_type'],
    ).toBe('error');
    const warning = byName('Demographic parity ratio [attribute: age_group, metric: selection_rate]');
    expect(warning?.failure).toBeUndefined();
    expect(warning?.['system-out']).toMatch(/^WARNING: status: warn/);
    expect(byName('Minimum group size [attribute: age_group, group: 65+]')?.skipped).toBeDefined();
  });

  it('escapes markup and drops characters XML 1.0 forbids', () => {
    const hostile = renderJunitReport(hostileResult());
    expect(XMLValidator.validate(hostile)).toBe(true);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // The parser decodes entities: the user's text comes back intact, having never been markup.
    const testcase = parseJunit(hostile).testsuite[0]?.testcase[0];
    expect(testcase?.['@_name']).toContain(`group: ${SCRIPT_INJECTION}`);
    expect(testcase?.failure?.['#text']).toContain(`evidence: ${SCRIPT_INJECTION} ]]> \uFFFD\uFFFD`);
  });
});
