// The public API: the format list, one renderer per format and the chart engine's preload. Everything else
// (sections, charts, HTML pieces, labels, escaping) is internal; tests import it from its module path.
export { REPORT_FILE_NAMES, REPORT_FORMATS, renderReport } from './formats.js';
export type { ReportFormat } from './formats.js';
export { renderHtmlReport } from './formats/html-report.js';
export { renderJsonReport } from './formats/json-report.js';
export { renderJunitReport } from './formats/junit-report.js';
export { renderMarkdownReport } from './formats/markdown-report.js';
export { renderSarifReport } from './formats/sarif-report.js';
export { preloadChartEngine } from './charts/vega-svg.js';
export { renderModelCardHtml } from './sections/model-card/html-model-card-document.js';
