import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '@rai-audit/core';
import { renderHtmlReport } from '../../formats/html-report.js';
import { embeddedJsonText, inlineSvgs, openingTags, tagAttributes } from '../../../test/html-readers.js';
import {
  IMG_INJECTION,
  SCRIPT_INJECTION,
  fullResult,
  hostileFullResult,
  skippedCalibrationResult,
} from '../../../test/fixtures.js';

const ESCAPED_SCRIPT = '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;';
const ESCAPED_IMG = '&lt;img src=x onerror=alert(1)&gt;';

/**
 * The bias sections' markup once the legitimate "undefined" words are taken out (a value's text and class, the
 * verdict "○ undefined", "AUC undefined", the heatmap's key): any "undefined" left leaked from a missing field.
 */
function strayText(html: string): string {
  const sections = html.slice(html.indexOf('<section class="report-section bias"'), html.indexOf('<footer'));
  return sections
    .replace(/>undefined</g, '><')
    .replace(/class="(?:verdict-)?undefined"/g, '')
    .replace(/○(?:<\/span>)? undefined|AUC undefined|undefined \(—\)|— undefined/g, '');
}

const CASES: [string, () => AuditResult][] = [
  ['full result', fullResult],
  ['hostile full result', hostileFullResult],
  ['skipped calibration', skippedCalibrationResult],
];
const results = new Map<string, AuditResult>();
const rendered = new Map<string, string>();

beforeAll(async () => {
  for (const [name, build] of CASES) {
    const result = build();
    results.set(name, result);
    rendered.set(name, await renderHtmlReport(result));
  }
});

describe('renderHtmlReport with hostile intersections and proxies', () => {
  let result: AuditResult;
  let html: string;
  beforeAll(() => {
    result = results.get('hostile full result') ?? fullResult();
    html = rendered.get('hostile full result') ?? '';
  });

  it('never emits the injected markup and keeps exactly one script element', () => {
    expect(html).not.toMatch(/<script>alert/i);
    expect(openingTags(html, 'img')).toEqual([]);
    expect(openingTags(html, 'script')).toEqual(['<script type="application/json" id="rai-audit-result">']);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(JSON.parse(embeddedJsonText(html))).toEqual(result);
  });

  it('escapes intersection values in the tables and in the chart SVG', () => {
    expect(html).toContain(`<th scope="row">race=${ESCAPED_SCRIPT}, sex=${ESCAPED_IMG}`);
    const svg = inlineSvgs(html).join('');
    // Charts label an intersection's groups by their values alone; long labels end in an ellipsis, so the start
    // of the label is enough to find.
    expect(svg).toContain(`>${ESCAPED_SCRIPT}`);
    expect(svg).toContain(`White, ${ESCAPED_IMG}`);
    expect(svg).not.toContain(SCRIPT_INJECTION);
    expect(svg).not.toContain(IMG_INJECTION);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F]/);
  });

  it('escapes proxy feature names in the proxy ranking', () => {
    expect(html).toContain(`<td class="num">1</td><th scope="row">${ESCAPED_IMG}</th><td>sex</td>`);
  });
});

describe('renderHtmlReport of the bigger fixtures', () => {
  const cases = CASES;

  it.each(cases)('%s: no http(s) URL, no src, no external href, no url(), one script', (name) => {
    const html = rendered.get(name) ?? '';
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/url\(/i);
    const attributes = tagAttributes(html);
    expect(attributes.length).toBeGreaterThan(1000);
    expect(
      attributes.filter((a) => a.name === 'src' || a.name.endsWith(':href') || a.name === 'srcset'),
    ).toEqual([]);
    expect(attributes.filter((a) => a.name === 'href' && !a.value.startsWith('#'))).toEqual([]);
    for (const tag of [
      'link',
      'img',
      'iframe',
      'object',
      'embed',
      'image',
      'use',
      'base',
      'form',
      'foreignobject',
    ]) {
      expect(openingTags(html, tag)).toEqual([]);
    }
    expect(openingTags(html, 'script')).toHaveLength(1);
  });

  it.each(cases)('%s: no NaN, Infinity, [object Object] or stray "undefined" text', (name) => {
    const html = (rendered.get(name) ?? '').replace(/<script[\s\S]*?<\/script>/, '');
    expect(html).not.toMatch(/NaN|Infinity|\[object /);
    expect(html).toContain('<section class="report-section bias"');
    expect(strayText(html)).not.toMatch(/undefined/i);
  });

  it('renders the same bytes twice', async () => {
    expect(await renderHtmlReport(fullResult())).toBe(rendered.get('full result'));
  });

  it('keeps the charts light: thinned lines, compact SVG', () => {
    const svg = inlineSvgs(rendered.get('full result') ?? '');
    expect(svg.length).toBe(26);
    expect(svg.join('').length).toBeLessThan(800_000);
    for (const path of svg.join('').match(/ d="M[^"]*"/g) ?? []) {
      expect(path.split('L').length).toBeLessThanOrEqual(101);
    }
  });
});
