import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { View, parse } from 'vega';
import { InternalError } from '@rai-audit/core';
import { replaceIllegalCharacters } from './escape.js';
import { installTextWidthEstimate } from './text-width-estimate.js';
import type { ViewOptions } from 'vega';

type VegaLogger = NonNullable<ViewOptions['logger']>;

/** A logger that drops every message: a reporter is a pure function, and vega's warnings must not reach the console. */
function silentLogger(): VegaLogger {
  let level = 0;
  const logger: VegaLogger = {
    level: (value?: number) => {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: () => logger,
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** The name the chart data gets in the compiled spec, so that one compiled spec serves every chart of its shape. */
const CHART_DATA = 'chart_data';

/** Compiled and parsed specs by their JSON without data: the attributes of a report mostly share chart shapes. */
const runtimes = new Map<string, ReturnType<typeof parse>>();
const RUNTIME_CACHE_SIZE = 64;

/** The spec with its top-level inline values moved out, and those values. */
function separateData(spec: TopLevelSpec): { shape: TopLevelSpec; values?: unknown[] } {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (data === undefined || !Array.isArray(data.values)) return { shape: spec };
  return { shape: { ...spec, data: { name: CHART_DATA } } as TopLevelSpec, values: data.values };
}

/**
 * Compiling the vega-lite spec and parsing the vega spec take about half the time of a chart, and depend only on
 * the spec's shape: they are done once per shape and the parsed runtime (which views only read) is reused.
 */
function runtimeOf(shape: TopLevelSpec, logger: VegaLogger): ReturnType<typeof parse> {
  const key = JSON.stringify(shape);
  let runtime = runtimes.get(key);
  if (runtime === undefined) {
    runtime = parse(compile(shape, { logger }).spec);
    if (runtimes.size >= RUNTIME_CACHE_SIZE) runtimes.delete(runtimes.keys().next().value ?? '');
    runtimes.set(key, runtime);
  }
  return runtime;
}

const SILENT = silentLogger();

/**
 * Renders a vega-lite spec to an SVG string for inlining in HTML, headless and without a canvas.
 * Vega escapes the text it writes (axis labels), so user strings in the data cannot inject markup.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec, labelledBy: string): Promise<string> {
  installTextWidthEstimate();
  const { shape, values } = separateData(spec);
  const view = new View(runtimeOf(shape, SILENT), { renderer: 'none', logger: SILENT });
  try {
    if (values !== undefined) view.data(CHART_DATA, values);
    const svg = await view.toSVG();
    return inlineSvg(svg, labelledBy);
  } finally {
    view.finalize();
  }
}

/** Only inside a tag: what follows reaches the tag's end before any `<` (text nodes are followed by a `<`). */
const IN_TAG = '(?=[^<>]*>)';

/** Attributes vega writes that change nothing in a static, inline image labelled as a whole by its caption. */
const INERT_ATTRIBUTES = new RegExp(
  ` (?:(?:class|role|aria-roledescription|aria-hidden|pointer-events)="[^"]*"|opacity="1"|transform="translate\\(0,0\\)")${IN_TAG}`,
  'g',
);

/** Floating-point noise such as `36.99999999999999` in positions. */
const LONG_DECIMAL = new RegExp(`\\d+\\.\\d{4,}${IN_TAG}`, 'g');

/** Invisible elements vega writes: empty group backgrounds and hidden foregrounds. */
const EMPTY_ELEMENTS = /<path d="M0,0h0v0h0Z"\/>|<path d="" display="none"\/>/g;

/**
 * Shrinks vega's SVG by about a third without changing a pixel: inert attributes and invisible elements go, and
 * floating-point noise is rounded to hundredths of a pixel. Only the inside of tags is touched (text nodes carry
 * user text, in which vega leaves quotes as they are); tags carry no user text now that per-mark ARIA labels are off.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(INERT_ATTRIBUTES, '')
    .replace(LONG_DECIMAL, (number) => String(Number(Number(number).toFixed(2))))
    .replace(EMPTY_ELEMENTS, '');
}

/**
 * Drops the namespace declarations (the HTML parser puts inline SVG in its namespace, and the report should carry no
 * URL a reader might mistake for a resource) and labels the image by its caption.
 */
function inlineSvg(svg: string, labelledBy: string): string {
  if (/xlink:href/.test(svg)) {
    throw new InternalError('inline chart SVG unexpectedly references an external resource');
  }
  // Vega escapes markup but passes control characters through; the rest of the report replaces them too.
  return replaceIllegalCharacters(compactSvg(svg)).replace(
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/,
    `<svg role="img" aria-labelledby="${labelledBy}"`,
  );
}
