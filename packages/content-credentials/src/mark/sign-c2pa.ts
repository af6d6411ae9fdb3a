import { Blob } from 'node:buffer';
import { WasmBuilder } from '@contentauth/c2pa-wasm';
import { initC2paWasm } from '../c2pa/c2pa-wasm-runtime.js';
import { coseSign1, reserveSizeFor, type SigningCredentials } from '../keys/cose-signer.js';

/** A Blob whose bytes can be read synchronously, for the FileReaderSync that the builder expects. */
class MemoryBlob extends Blob {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    super([bytes]);
    this.#bytes = bytes;
  }
  /** The bytes, synchronously (what FileReaderSync needs). */
  get content(): Uint8Array {
    return this.#bytes;
  }
  override slice(start = 0, end = this.#bytes.length): MemoryBlob {
    return new MemoryBlob(this.#bytes.subarray(start, end));
  }
}

/** Node has no FileReaderSync; the builder reads its source through one. Installed once, only if absent. */
function installFileReaderSync(): void {
  const scope = globalThis as { FileReaderSync?: unknown };
  scope.FileReaderSync ??= class FileReaderSync {
    readAsArrayBuffer(blob: MemoryBlob): ArrayBuffer {
      const bytes = blob.content;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }
  };
}

export interface C2paAssertion {
  readonly label: string;
  readonly data: unknown;
}

export interface C2paSignRequest {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly title: string;
  readonly claimGenerator: { readonly name: string; readonly version: string };
  readonly assertions: readonly C2paAssertion[];
  /** The input as it was before any change, when it carried a manifest: it becomes the parent ingredient. */
  readonly parent?: { readonly bytes: Uint8Array; readonly title: string };
  readonly credentials: SigningCredentials;
}

/**
 * Signs `bytes` with a manifest made of `assertions` (the actions first) through c2pa-rs's builder, with our COSE
 * signer; returns the signed asset. Throws the library's error as is (the caller words it).
 */
export async function signC2pa(request: C2paSignRequest): Promise<Uint8Array> {
  initC2paWasm();
  installFileReaderSync();
  const definition = {
    claim_generator_info: [request.claimGenerator],
    title: request.title,
    format: request.mediaType,
    assertions: request.assertions,
  };
  const builder = WasmBuilder.fromJson(JSON.stringify(definition));
  try {
    if (request.parent) {
      const ingredient = { title: request.parent.title, relationship: 'parentOf', label: 'parent' };
      await builder.addIngredientFromBlob(
        JSON.stringify(ingredient),
        request.mediaType,
        new MemoryBlob(request.parent.bytes) as unknown as globalThis.Blob,
      );
    }
    const reserveSize = reserveSizeFor(request.credentials);
    const signer = {
      alg: request.credentials.algorithm,
      reserveSize,
      sign: async (claim: Uint8Array) =>
        coseSign1(request.credentials, claim, reserveSize) as Uint8Array<ArrayBuffer>,
    };
    return await builder.sign(
      signer,
      [],
      request.mediaType,
      new MemoryBlob(request.bytes) as unknown as globalThis.Blob,
    );
  } finally {
    builder.free();
  }
}
