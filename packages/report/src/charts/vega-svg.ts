import type { TopLevelSpec } from 'vega-lite';
import { InternalError } from '@rai-audit/core';
import { replaceIllegalCharacters } from '../escape.js';
import type * as VegaEngineModule from './vega-engine.js';

type VegaEngine = typeof VegaEngineModule;

let engine: Promise<VegaEngine> | undefined;

/** vega and vega-lite, loaded once, on first use. */
function loadEngine(): Promise<VegaEngine> {
  engine ??= import('./vega-engine.js');
  return engine;
}

/**
 * Starts loading the chart engine (vega and vega-lite, about a third of a second) without waiting for it, so that a
 * caller with a long computation ahead can overlap the two. Rendering works the same without it.
 */
export function preloadChartEngine(): void {
  // A failed load is reported by the render that needs it; here it must not become an unhandled rejection.
  loadEngine().catch(() => undefined);
}

/**
 * Renders a vega-lite spec to an SVG string for inlining in HTML, headless and without a canvas.
 * Vega escapes the text it writes (axis labels), so user strings in the data cannot inject markup.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec, labelledBy: string): Promise<string> {
  const { vegaLiteToSvg } = await loadEngine();
  return inlineSvg(await vegaLiteToSvg(spec), labelledBy);
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
