import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index'): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url));

// Tests run on the sources: each workspace package resolves to its src/, as tsconfig.base.json maps it.
export default defineConfig({
  resolve: {
    // Exact names: a subpath export such as `@rai-audit/bias/checks` is its own source file.
    alias: [
      { find: /^@rai-audit\/core$/, replacement: src('core') },
      { find: /^@rai-audit\/report$/, replacement: src('report') },
      { find: /^@rai-audit\/bias$/, replacement: src('bias') },
      { find: /^@rai-audit\/bias\/checks$/, replacement: src('bias', 'checks') },
      { find: /^@rai-audit\/content-credentials$/, replacement: src('content-credentials') },
      { find: /^@rai-audit\/model-card$/, replacement: src('model-card') },
      { find: /^@rai-audit\/model-card\/checks$/, replacement: src('model-card', 'checks') },
      {
        find: /^@rai-audit\/content-credentials\/checks$/,
        replacement: src('content-credentials', 'checks'),
      },
      { find: /^@rai-audit\/data-provenance$/, replacement: src('data-provenance') },
      { find: /^@rai-audit\/data-provenance\/checks$/, replacement: src('data-provenance', 'checks') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
