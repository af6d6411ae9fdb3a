/**
 * `@rai-audit/model-card/checks`: the check definitions alone, for a caller that only needs to read a policy
 * (the CLI's policy catalog loads them on every command) without the Markdown parser.
 */
export { modelCardCheckDefinitions, CARD_CHECKS } from './lint/check-definitions.js';
