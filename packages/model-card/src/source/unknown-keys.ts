import type { z } from 'zod';
import { formatPath } from '@rai-audit/core';

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { def: SchemaDef }).def;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The paths of keys that `value` carries and the (loose) schema does not describe: kept in the card, but worth a
 * warning, since a misspelt key (`limitatons`) would otherwise silently leave its section empty.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return def.innerType ? findUnknownKeys(def.innerType, value, path) : [];
    case 'array':
      return Array.isArray(value) && def.element
        ? value.flatMap((item, index) => findUnknownKeys(def.element as z.ZodType, item, [...path, index]))
        : [];
    case 'union':
      // Only objects have keys to check; a union of a string and a list of strings has none.
      return [];
    case 'object': {
      if (!isPlainObject(value) || !def.shape) return [];
      const shape = def.shape;
      return Object.entries(value).flatMap(([key, child]) => {
        const known = shape[key];
        return known ? findUnknownKeys(known, child, [...path, key]) : [formatPath([...path, key])];
      });
    }
    default:
      return [];
  }
}
