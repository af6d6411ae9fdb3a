import { describe, expect, it } from 'vitest';
import {
  categoriseDigitalSourceType,
  IPTC_DIGITAL_SOURCE_TYPE_BASE,
  normaliseDigitalSourceType,
} from './digital-source-type.js';

const iptc = (code: string): string => IPTC_DIGITAL_SOURCE_TYPE_BASE + code;

describe('normaliseDigitalSourceType', () => {
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
    expect(normaliseDigitalSourceType(raw)).toBe(expected);
  });

  it('gives undefined for an empty or blank value', () => {
    expect(normaliseDigitalSourceType('')).toBeUndefined();
    expect(normaliseDigitalSourceType(' \t\n')).toBeUndefined();
  });
});

describe('categoriseDigitalSourceType', () => {
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
    expect(categoriseDigitalSourceType(iptc(code))).toBe(category);
  });

  it('does not recognise a known code under another base URI', () => {
    expect(categoriseDigitalSourceType('http://example.com/trainedAlgorithmicMedia')).toBe('unrecognised');
  });
});
