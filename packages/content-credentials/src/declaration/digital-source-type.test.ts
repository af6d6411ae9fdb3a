import { describe, expect, it } from 'vitest';
import {
  categorizeDigitalSourceType,
  IPTC_DIGITAL_SOURCE_TYPE_BASE,
  normalizeDigitalSourceType,
} from './digital-source-type.js';

const iptc = (code: string): string => IPTC_DIGITAL_SOURCE_TYPE_BASE + code;

describe('normalizeDigitalSourceType', () => {
  it.each([
    [
      'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
      iptc('trainedAlgorithmicMedia'),
    ],
    [
      '  http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\n',
      iptc('trainedAlgorithmicMedia'),
    ],
    ['trainedAlgorithmicMedia', iptc('trainedAlgorithmicMedia')],
    [' compositeSynthetic ', iptc('compositeSynthetic')],
    ['https://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture/', iptc('digitalCapture')],
    [
      'HTTP://CV.IPTC.ORG/newscodes/digitalsourcetype/TRAINEDALGORITHMICMEDIA',
      iptc('trainedAlgorithmicMedia'),
    ],
    ['someFutureCode', iptc('someFutureCode')],
    [' http://example.com/other/type ', 'http://example.com/other/type'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeDigitalSourceType(raw)).toBe(expected);
  });

  it('gives undefined for an empty or blank value', () => {
    expect(normalizeDigitalSourceType('')).toBeUndefined();
    expect(normalizeDigitalSourceType(' \t\n')).toBeUndefined();
  });
});

describe('categorizeDigitalSourceType', () => {
  it.each([
    ['trainedAlgorithmicMedia', 'generative-ai'],
    ['compositeWithTrainedAlgorithmicMedia', 'composite-with-ai'],
    ['compositeSynthetic', 'composite-with-ai'],
    ['algorithmicMedia', 'algorithmic'],
    ['digitalCapture', 'not-ai'],
    ['minorHumanEdits', 'not-ai'],
    ['someFutureCode', 'unrecognised'],
    ['toString', 'unrecognised'],
  ])('%s is %s', (code, category) => {
    expect(categorizeDigitalSourceType(iptc(code))).toBe(category);
  });

  it('does not recognise a known code under another base URI', () => {
    expect(categorizeDigitalSourceType('http://example.com/trainedAlgorithmicMedia')).toBe('unrecognised');
  });
});
