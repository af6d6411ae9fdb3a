import type { AuditResult } from '@rai-audit/core';
import { renderHtmlReport } from './formats/html-report.js';
import { renderJsonReport } from './formats/json-report.js';
import { renderJunitReport } from './formats/junit-report.js';
import { renderMarkdownReport } from './formats/markdown-report.js';
import { renderSarifReport } from './formats/sarif-report.js';

export type ReportFormat = 'html' | 'json' | 'junit' | 'sarif' | 'md';

export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'json', 'junit', 'sarif', 'md'];

/** The file each format is written to inside the output folder. */
export const REPORT_FILE_NAMES: Readonly<Record<ReportFormat, string>> = {
  html: 'index.html',
  json: 'audit.json',
  junit: 'junit.xml',
  sarif: 'audit.sarif',
  md: 'summary.md',
};

/** Renders the result in one format; every format is a pure function of the result. */
export async function renderReport(format: ReportFormat, result: AuditResult): Promise<string> {
  switch (format) {
    case 'html':
      return renderHtmlReport(result);
    case 'json':
      return renderJsonReport(result);
    case 'junit':
      return renderJunitReport(result);
    case 'sarif':
      return renderSarifReport(result);
    case 'md':
      return renderMarkdownReport(result);
  }
}
