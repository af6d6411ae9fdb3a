import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '@rai-audit/core';
import { renderHtmlReport } from './html-report.js';
import { embeddedJsonText, inlineSvgs, openingTags, tagAttributes } from '../../test/html-readers.js';
import { IMG_INJECTION, SCRIPT_INJECTION, demoResult, hostileResult } from '../../test/fixtures.js';

describe('renderHtmlReport with hostile strings', () => {
  let result: AuditResult;
  let html: string;
  beforeAll(async () => {
    result = hostileResult();
    html = await renderHtmlReport(result);
  });

  it('never emits the injected markup', () => {
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toContain('<!--');
    expect(openingTags(html, 'img')).toEqual([]);
    expect(openingTags(html, 'b')).toEqual([]);
  });

  it('replaces control characters everywhere, the chart SVG included', () => {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F]/);
    expect(inlineSvgs(html).join('')).toContain('line\uFFFD');
  });

  it('shows the injected strings as escaped text', () => {
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('has exactly one script element, of type application/json', () => {
    const scripts = openingTags(html, 'script');
    expect(scripts).toEqual(['<script type="application/json" id="rai-audit-result">']);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });

  it('embeds the result so that JSON.parse of the script text gives it back exactly', () => {
    const text = embeddedJsonText(html);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(result);
    expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(result));
  });

  it('escapes group and attribute names inside the chart SVG too', () => {
    const svgs = inlineSvgs(html);
    expect(svgs.length).toBeGreaterThan(0);
    const svgText = svgs.join('');
    expect(svgText).toContain('&lt;/script&gt;');
    expect(svgText).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svgText).not.toContain(SCRIPT_INJECTION);
    expect(svgText).not.toContain(IMG_INJECTION);
  });
});

describe('renderHtmlReport references nothing outside the file', () => {
  const cases: [string, () => AuditResult][] = [
    ['demo result', demoResult],
    ['hostile result', hostileResult],
  ];

  it.each(cases)('%s: no http(s) URL, no src, no external href, no url()', async (_name, build) => {
    const html = await renderHtmlReport(build());
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    const attributes = tagAttributes(html);
    expect(attributes.length).toBeGreaterThan(100);
    expect(
      attributes.filter((a) => a.name === 'src' || a.name.endsWith(':href') || a.name === 'srcset'),
    ).toEqual([]);
    const hrefs = attributes.filter((a) => a.name === 'href');
    expect(hrefs.filter((a) => !a.value.startsWith('#'))).toEqual([]);
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
  });

  it('declares a Content-Security-Policy that forbids scripts and every fetch but inline styles and data images', async () => {
    const html = await renderHtmlReport(demoResult());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('renders the same bytes twice', async () => {
    const result = demoResult();
    expect(await renderHtmlReport(result)).toBe(await renderHtmlReport(result));
  });
});
