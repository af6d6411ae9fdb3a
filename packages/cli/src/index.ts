export { executeCli, runCli } from './main.js';
export type { CliIo } from './io.js';
