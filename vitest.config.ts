import { defineConfig } from 'vitest/config';

// Tests run on the sources: each workspace package's package.json `exports` lists its src/*.ts entry under the
// `source` condition, first, which TypeScript (customConditions in tsconfig.base.json) resolves as well. Node
// tests resolve in Vite's server environment, whose conditions replace Vite's defaults (defaultServerConditions:
// module, node, development|production) rather than adding to them; vitest also hands them to its forked
// processes as `--conditions`, so that worker threads started from the sources resolve the same way.
export default defineConfig({
  ssr: {
    resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
