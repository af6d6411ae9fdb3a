/** `@rai-audit/data-provenance/checks`: the check definitions alone, for reading a policy without the hashing code. */
export { dataProvenanceCheckDefinitions } from './section/check-definitions.js';
