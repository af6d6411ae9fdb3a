import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { View, parse } from 'vega';
import { InternalError } from '@rai-audit/core';
import { replaceIllegalCharacters } from './escape.js';
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

/**
 * Renders a vega-lite spec to an SVG string for inlining in HTML, headless and without a canvas.
 * Vega escapes the text it writes (axis labels, aria labels), so user strings in the data cannot inject markup.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec, labelledBy: string): Promise<string> {
  const silent = silentLogger();
  const vegaSpec = compile(spec, { logger: silent }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger: silent });
  try {
    const svg = await view.toSVG();
    return inlineSvg(svg, labelledBy);
  } finally {
    view.finalize();
  }
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
  return replaceIllegalCharacters(svg).replace(
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/,
    `<svg role="img" aria-labelledby="${labelledBy}"`,
  );
}
