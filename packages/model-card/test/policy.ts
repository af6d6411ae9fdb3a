import { createCatalog, defaultPolicy, type ResolvedPolicy } from '@rai-audit/core';
import { modelCardCheckDefinitions } from '../src/lint/check-definitions.js';

/** The policy with every card check at its default level. */
export function cardPolicy(): ResolvedPolicy {
  return defaultPolicy(createCatalog(modelCardCheckDefinitions));
}
