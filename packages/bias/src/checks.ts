/**
 * `@rai-audit/bias/checks`: the check definitions and presets alone, without DuckDB, for a caller that only needs
 * to read a policy (the CLI's policy catalog loads them on every command).
 */
export { biasCheckDefinitions, biasPresets } from './checks/check-definitions.js';
export { datasetCheckDefinitions } from './checks/dataset-check-definitions.js';
