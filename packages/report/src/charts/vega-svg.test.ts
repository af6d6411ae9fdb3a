import { describe, expect, it } from 'vitest';
import { compactSvg } from './vega-svg.js';
import { estimateTextWidth } from './text-width-estimate.js';

describe('compactSvg', () => {
  it('drops inert attributes and invisible elements inside tags, never in text', () => {
    const svg =
      '<svg class="marks"><g class="mark-text" role="graphics-object" aria-roledescription="x" opacity="1">' +
      '<path class="background" aria-hidden="true" d="M0,0h0v0h0Z" pointer-events="none"/>' +
      '<text transform="translate(-7,36.99999999999999)" opacity="0.5">a opacity="1" class="x"</text></g></svg>';
    expect(compactSvg(svg)).toBe(
      '<svg><g><text transform="translate(-7,37)" opacity="0.5">a opacity="1" class="x"</text></g></svg>',
    );
  });
});

describe('estimateTextWidth', () => {
  it('is narrower than vega’s 0.8 em guess for ordinary labels and wider for symbols', () => {
    const label = 'race=Hispanic, sex=female';
    expect(estimateTextWidth(label, 11)).toBeLessThan(0.8 * label.length * 11);
    expect(estimateTextWidth(label, 11)).toBeGreaterThan(0.5 * label.length * 11);
    expect(estimateTextWidth('◆', 10)).toBeGreaterThan(estimateTextWidth('i', 10) * 2);
    expect(estimateTextWidth('Ab', 12, true)).toBeGreaterThan(estimateTextWidth('Ab', 12));
  });
});
