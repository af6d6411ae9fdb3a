/**
 * `@rai-audit/content-credentials/checks`: the check definitions alone, without the image codecs and the C2PA
 * WebAssembly, for a caller that only needs to read a policy (the CLI's policy catalog loads them on every command).
 */
export { contentCredentialsCheckDefinitions } from './verify/check-definitions.js';
