export * from './ledger.js';
export * from './lock.js';
