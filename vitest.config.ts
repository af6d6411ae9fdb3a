import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run on the sources: each workspace package resolves to its src/, as tsconfig.base.json maps it.
export default defineConfig({
  resolve: {
    alias: {
      '@rai-audit/core': src('core'),
      '@rai-audit/report': src('report'),
      '@rai-audit/bias': src('bias'),
      '@rai-audit/content-credentials': src('content-credentials'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
