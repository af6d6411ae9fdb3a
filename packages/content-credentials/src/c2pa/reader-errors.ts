import type { ReadErrorKind } from './evidence.js';

/** What a failed read means: no manifest and a remote manifest are findings, the rest are errors. */
export type ReaderFailure =
  | { readonly kind: 'no-manifest'; readonly libraryMessage: string }
  | { readonly kind: 'remote-manifest'; readonly url: string; readonly libraryMessage: string }
  | {
      readonly kind: 'error';
      readonly errorKind: ReadErrorKind;
      readonly reason: string;
      readonly libraryMessage: string;
    };

// c2pa-rs errors for a damaged asset or manifest: the bytes are not what their format promises.
const CORRUPT_ERRORS =
  /^(InvalidAsset|Jumbf\w*|Claim\w*|PrematureEOF|IoError|Xmp\w*|Assertion\w*|TooMany\w*|Invalid\w*|NotFound|Cbor\w*|Json\w*)$/;

/** A WebAssembly trap (`unreachable` after a Rust panic, out of bounds): `WebAssembly.RuntimeError`. */
export function isWasmTrap(error: unknown): error is Error {
  return error instanceof Error && error.name === 'RuntimeError';
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** `C2pa(RemoteManifestUrl("https://…"))` → `RemoteManifestUrl` and its first quoted argument. */
function parseLibraryError(text: string): { name: string; argument: string | null } {
  const inner = /^C2pa\((.*)\)$/s.exec(text)?.[1] ?? text;
  const name = /^[A-Za-z]\w*/.exec(inner)?.[0] ?? '';
  const quoted = /^\w+\("((?:[^"\\]|\\.)*)"/s.exec(inner)?.[1];
  return { name, argument: quoted === undefined ? null : unescapeDebugString(quoted) };
}

/** Rust's Debug escapes are JSON's for the common cases (`\"`, `\\`, `\n`); anything else is kept verbatim. */
function unescapeDebugString(quoted: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string;
  } catch {
    return quoted;
  }
}

function describeError(name: string, argument: string | null): { errorKind: ReadErrorKind; reason: string } {
  const detail = argument ? `: ${argument}` : '';
  if (name === 'UnsupportedType') {
    return { errorKind: 'unsupported-type', reason: 'the C2PA reader does not support this media type' };
  }
  if (name === 'RemoteManifestFetch') {
    return { errorKind: 'remote-fetch-failed', reason: `the remote manifest could not be fetched${detail}` };
  }
  if (name === 'BadParam')
    return { errorKind: 'bad-settings', reason: `the reader rejected its settings${detail}` };
  if (CORRUPT_ERRORS.test(name)) {
    return { errorKind: 'corrupt', reason: `the asset or its manifest is damaged (${name}${detail})` };
  }
  return { errorKind: 'unreadable', reason: `the C2PA reader failed (${name || 'unknown error'}${detail})` };
}

/** Turns whatever the WebAssembly reader threw (a string such as `C2pa(JumbfNotFound)`, or an Error) into data. */
export function classifyReaderError(error: unknown): ReaderFailure {
  const libraryMessage = errorText(error);
  if (isWasmTrap(error)) {
    const reason = `the C2PA WebAssembly module trapped (${error.message}); restart the worker`;
    return { kind: 'error', errorKind: 'unreadable', reason, libraryMessage };
  }
  const { name, argument } = parseLibraryError(libraryMessage);
  if (name === 'JumbfNotFound') return { kind: 'no-manifest', libraryMessage };
  if (name === 'RemoteManifestUrl' && argument)
    return { kind: 'remote-manifest', url: argument, libraryMessage };
  return { kind: 'error', ...describeError(name, argument), libraryMessage };
}
