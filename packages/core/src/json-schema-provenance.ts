import { z } from 'zod';
import { ProvenanceLedgerSchema } from './provenance/ledger.js';
import { ProvenanceLockSchema } from './provenance/lock.js';

/** The JSON Schema of provenance.yaml, for editors (committed under schema/). */
export function provenanceLedgerJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProvenanceLedgerSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
}

/** The JSON Schema of provenance.lock.json. */
export function provenanceLockJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProvenanceLockSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
}
