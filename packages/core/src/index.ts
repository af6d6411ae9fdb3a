export * from './check.js';
export * from './errors.js';
export * from './policy.js';
export * from './result.js';
export * from './sections/bias.js';
export * from './sections/content-credentials.js';
export * from './suggest.js';
export * from './json-schema.js';
