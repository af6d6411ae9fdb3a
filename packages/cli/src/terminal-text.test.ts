import { describe, expect, it } from 'vitest';
import { escapeTerminalText, escapeTerminalValue } from './terminal-text.js';

describe('escapeTerminalValue', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r\tb', 'a\\r\\tb'],
    ['\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['\u001b[2J', '\\u001b[2J'],
    ['x\u202egnp.exe', 'x\\u202egnp.exe'],
    ['\u2028\u2029\u0085\u007f\u0000', '\\u2028\\u2029\\u0085\\u007f\\u0000'],
    ['résumé ✔ 名前', 'résumé ✔ 名前'],
  ])('%j → %j', (value, expected) => {
    expect(escapeTerminalValue(value)).toBe(expected);
  });
});

describe('escapeTerminalText', () => {
  it('keeps line ends and the painter’s colours, escapes every other control', () => {
    expect(escapeTerminalText('\u001b[31m✖\u001b[39m a\n\u001b]0;x\u0007\r\u001b[2J\n')).toBe(
      '\u001b[31m✖\u001b[39m a\n\\u001b]0;x\\u0007\\r\\u001b[2J\n',
    );
  });
});

describe('the hashing bar of rai-audit data on a terminal', () => {
  it('keeps its carriage return + erase-line redraw, and nothing else of the kind', () => {
    const bar = '\r\u001b[2K[############............]  50% hashing 1/2 files, 1/2 MB';
    expect(escapeTerminalText(bar)).toBe(bar);
    expect(escapeTerminalText('\rforged')).toBe('\\rforged');
    expect(escapeTerminalText('\r\u001b[K')).toBe('\\r\\u001b[K');
  });
});
