import { describe, expect, it } from 'vitest';
import { MAX_THUMBNAIL_LENGTH, thumbnailSource } from './thumbnail-data-uri.js';
import { TINY_PNG_DATA_URI, TINY_WEBP_DATA_URI } from '../../../test/fixture-assets.js';

describe('thumbnailSource', () => {
  it.each([TINY_PNG_DATA_URI, TINY_WEBP_DATA_URI, 'data:image/jpeg;base64,/9j/4AAQSkZJRg=='])(
    'accepts a PNG, JPEG or WebP data URI',
    (uri) => {
      expect(thumbnailSource(uri)).toEqual({ kind: 'image', src: uri });
    },
  );

  it.each([
    'https://example.com/a.png',
    '//example.com/a.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:image/gif;base64,R0lGODlh',
    'data:image/png,rawdata',
    'data:image/png;base64,AA==AA',
    'data:image/png;base64,AAAA" onerror="alert(1)',
    'DATA:image/png;base64,AAAA',
    ' data:image/png;base64,AAAA',
    'data:image/png;base64,AAAA\n',
    42,
  ])('rejects %j', (value) => {
    expect(thumbnailSource(value)).toEqual({ kind: 'rejected' });
  });

  it('treats a missing thumbnail as none and an oversized one as too large', () => {
    expect(thumbnailSource(undefined)).toEqual({ kind: 'none' });
    expect(thumbnailSource('')).toEqual({ kind: 'none' });
    const big = `data:image/png;base64,${'A'.repeat(MAX_THUMBNAIL_LENGTH)}`;
    expect(thumbnailSource(big)).toEqual({ kind: 'too-large' });
  });
});
