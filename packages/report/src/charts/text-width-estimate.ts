import * as vega from 'vega';
import { InternalError } from '@rai-audit/core';

/**
 * Text widths for headless vega. Without a canvas, vega guesses every character at 0.8 em, about a third wider than
 * a sans-serif font really sets it: labels get cut with an ellipsis while there is room, and legends take space the
 * text never fills. These per-character widths (in em, rounded up from common sans-serif fonts, DejaVu Sans the
 * widest of them, which Linux browsers fall back to) are conservative, so a label measured to fit does fit on a
 * reader's screen and is never clipped at the chart's edge.
 */
const NARROW = new Set("il.,:;'|!`");
const SLIM = new Set('fjrt()[]{}-/\\" ');
const WIDE = new Set('mwMW@%');

function characterWidth(character: string): number {
  if (NARROW.has(character)) return 0.3;
  if (SLIM.has(character)) return 0.38;
  if (WIDE.has(character)) return 0.92;
  if (character >= 'A' && character <= 'Z') return 0.74;
  // Digits, lower-case letters and common punctuation.
  if (character.charCodeAt(0) < 128) return 0.63;
  // Symbols (◆ ▲ ✖ –) and letters outside ASCII: wide, to stay on the safe side.
  return 0.85;
}

/** The estimated width in pixels of a line of text at a font size, bold text a little wider. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of text) ems += characterWidth(character);
  return ems * fontSize * (bold ? 1.08 : 1);
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  return (
    weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '600' || weight === '700'
  );
}

type WidthFunction = (item: TextItem, text?: unknown) => number;

/** vega-scenegraph's text metrics, exported by vega at run time but missing from its typings. */
function vegaTextMetrics(): { width: WidthFunction } {
  const metrics = (vega as unknown as { textMetrics?: { width: WidthFunction } }).textMetrics;
  if (metrics === undefined) throw new InternalError('vega no longer exports textMetrics');
  return metrics;
}

let installed = false;

/**
 * Makes vega measure text with the estimate above (vega's documented hook for custom text metrics, which tools such
 * as vl-convert use too). Idempotent; called before any chart is rendered.
 */
export function installTextWidthEstimate(): void {
  if (installed) return;
  installed = true;
  vegaTextMetrics().width = (item: TextItem, text?: unknown): number => {
    const line = text === null || text === undefined ? '' : String(text).trim();
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    return estimateTextWidth(line, size, isBold(item.fontWeight));
  };
}
