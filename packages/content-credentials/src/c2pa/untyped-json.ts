/**
 * Narrowing for the manifest-store JSON that the WebAssembly reader returns: its shape varies with the claim
 * version and the writer, so every field is read defensively and a missing or odd field becomes null.
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string field, or null; numbers are kept as their decimal text (serial numbers sometimes come as numbers). */
export function stringField(record: JsonRecord | undefined, key: string): string | null {
  const value = record?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
