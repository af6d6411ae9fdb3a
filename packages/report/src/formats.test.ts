import { describe, expect, it } from 'vitest';
import { AuditResultSchema } from '@rai-audit/core';
import { REPORT_FILE_NAMES, REPORT_FORMATS, renderReport } from './formats.js';
import { renderJsonReport } from './formats/json-report.js';
import { renderJunitReport } from './formats/junit-report.js';
import { renderMarkdownReport } from './formats/markdown-report.js';
import { renderSarifReport } from './formats/sarif-report.js';
import { demoResult } from '../test/fixtures.js';

describe('report formats', () => {
  it('names a file for every format', () => {
    expect(REPORT_FORMATS.map((format) => REPORT_FILE_NAMES[format])).toEqual([
      'index.html',
      'audit.json',
      'junit.xml',
      'audit.sarif',
      'summary.md',
    ]);
  });

  it('dispatches each format to its renderer', async () => {
    const result = demoResult();
    expect(await renderReport('json', result)).toBe(renderJsonReport(result));
    expect(await renderReport('junit', result)).toBe(renderJunitReport(result));
    expect(await renderReport('sarif', result)).toBe(renderSarifReport(result));
    expect(await renderReport('md', result)).toBe(renderMarkdownReport(result));
    expect(await renderReport('html', result)).toMatch(/^<!doctype html>/);
  });

  it('writes JSON with two-space indentation and a newline that parses back to a valid result', () => {
    const result = demoResult();
    const json = renderJsonReport(result);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": "1.0.0",');
    expect(AuditResultSchema.parse(JSON.parse(json))).toEqual(result);
  });

  it.each(REPORT_FORMATS)('%s renders the same bytes for the same result', async (format) => {
    expect(await renderReport(format, demoResult())).toBe(await renderReport(format, demoResult()));
  });
});
