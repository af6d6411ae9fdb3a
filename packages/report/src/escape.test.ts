import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, serializeJsonForScript } from './escape.js';

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('replaces control characters and lone surrogates with U+FFFD, keeping tabs, newlines and pairs', () => {
    expect(escapeHtml('a\u0000b\u0008c\td\ne\uD800f\uD83D\uDE00')).toBe(
      'a\uFFFDb\uFFFDc\td\ne\uFFFDf\uD83D\uDE00',
    );
  });
});

describe('escapeXml', () => {
  it('drops characters XML 1.0 forbids and encodes whitespace for attributes', () => {
    expect(escapeXml('a\u0001\f<b>\n"\'')).toBe('a\uFFFD\uFFFD&lt;b&gt;&#10;&quot;&#39;');
  });
});

describe('serializeJsonForScript', () => {
  const value = { text: '</script><script>alert(1)</script> <!-- & \u2028 \u2029 >' };

  it('leaves no character that could close the element or open a comment', () => {
    const json = serializeJsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(serializeJsonForScript(value))).toEqual(value);
  });
});

describe('escapeMarkdown', () => {
  it('neutralises HTML, links, images and table pipes, and joins lines', () => {
    const escaped = escapeMarkdown('<img src=x> [a](b) ![c](d) x|y\nz & *w*');
    expect(escaped).toBe('&lt;img src=x&gt; \\[a\\]\\(b\\) \\!\\[c\\]\\(d\\) x\\|y z &amp; \\*w\\*');
  });
});
