import { describe, expect, it } from 'vitest';
import { classifyReaderError, isWasmTrap } from './reader-errors.js';

describe('classifyReaderError', () => {
  it('treats JumbfNotFound as "no manifest", not as an error', () => {
    expect(classifyReaderError('C2pa(JumbfNotFound)')).toMatchObject({ kind: 'no-manifest' });
  });

  it('extracts the URL of a remote manifest', () => {
    const failure = classifyReaderError('C2pa(RemoteManifestUrl("https://example.com/m/1?a=\\"b\\""))');
    expect(failure).toEqual({
      kind: 'remote-manifest',
      url: 'https://example.com/m/1?a="b"',
      libraryMessage: 'C2pa(RemoteManifestUrl("https://example.com/m/1?a=\\"b\\""))',
    });
  });

  it.each([
    ['C2pa(UnsupportedType)', 'unsupported-type'],
    ['C2pa(InvalidAsset("Could not parse input JPEG"))', 'corrupt'],
    ['C2pa(JumbfParseError(InvalidBoxRange))', 'corrupt'],
    ['C2pa(PrematureEOF)', 'corrupt'],
    ['C2pa(RemoteManifestFetch("error sending request"))', 'remote-fetch-failed'],
    ['C2pa(BadParam("could not parse configuration"))', 'bad-settings'],
    ['C2pa(SomethingNew)', 'unreadable'],
    ['', 'unreadable'],
  ])('%s → %s', (message, errorKind) => {
    expect(classifyReaderError(message)).toMatchObject({ kind: 'error', errorKind, libraryMessage: message });
  });

  it('keeps the quoted detail in the reason', () => {
    const failure = classifyReaderError('C2pa(InvalidAsset("PNG out of range"))');
    expect(failure.kind === 'error' && failure.reason).toContain('PNG out of range');
  });

  it('recognises a WebAssembly trap, which leaves the module unusable', () => {
    const trap = Object.assign(new Error('unreachable'), { name: 'RuntimeError' });
    expect(isWasmTrap(trap)).toBe(true);
    expect(isWasmTrap(new TypeError('x'))).toBe(false);
    expect(classifyReaderError(trap)).toMatchObject({ kind: 'error', errorKind: 'unreadable' });
  });
});
