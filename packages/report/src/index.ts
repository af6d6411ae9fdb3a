export { REPORT_FILE_NAMES, REPORT_FORMATS, renderReport } from './formats.js';
export type { ReportFormat } from './formats.js';
export { escapeHtml } from './escape.js';
export { renderHtmlReport } from './html-report.js';
export { renderJsonReport } from './json-report.js';
export { renderJunitReport } from './junit-report.js';
export { renderMarkdownReport } from './markdown-report.js';
export { renderSarifReport } from './sarif-report.js';
export { preloadChartEngine } from './vega-svg.js';
