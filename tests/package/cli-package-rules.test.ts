import { describe, expect, it } from 'vitest';
import { checkCliPackage } from '../../scripts/cli-package-rules.mjs';

// A miniature of the real bundle: cli and core bundled with zod; core loads yaml through createRequire (invisible to
// esbuild); content-credentials imports sharp, kept external.
const workspace = new Map<string, { name: string; dependencies: Record<string, string> }>([
  ['packages/cli', { name: 'rai-audit', dependencies: {} }],
  ['packages/core', { name: '@rai-audit/core', dependencies: { yaml: '^2.8.0', zod: '^4.1.0' } }],
  [
    'packages/content-credentials',
    {
      name: '@rai-audit/content-credentials',
      dependencies: { '@rai-audit/core': 'workspace:*', sharp: '^0.34.5' },
    },
  ],
]);
const metafile = {
  inputs: {
    'packages/cli/dist/main.js': { imports: [{ path: 'node:fs', external: true }] },
    'packages/core/dist/policy.js': { imports: [{ path: 'node:module', external: true }] },
    'packages/content-credentials/dist/pixels.js': { imports: [{ path: 'sharp', external: true }] },
    'node_modules/.pnpm/zod@4.1.0/node_modules/zod/index.js': { imports: [] },
    'node_modules/.pnpm/vega-canvas@2.0.0/node_modules/vega-canvas/index.js': {
      imports: [{ path: 'canvas', external: true }],
    },
  },
};
const good = { dependencies: { sharp: '^0.34.5', yaml: '^2.9.1' }, devDependencies: { zod: '^4.1.0' } };
const check = (
  manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
  options: { external?: string[]; versions?: Record<string, string> } = {},
) =>
  checkCliPackage({
    manifest,
    cliDir: 'packages/cli',
    workspace,
    metafile,
    external: options.external ?? ['sharp', 'yaml'],
    optional: { canvas: 'optional renderer' },
    installedVersion: (name: string, fromDir: string) =>
      options.versions?.[`${name}@${fromDir}`] ?? { sharp: '0.34.5', yaml: '2.9.1' }[name],
  });

describe('the rules that keep packages/cli installable on its own', () => {
  it('hold for a manifest that lists exactly what the bundle loads at run time', () => {
    expect(check(good)).toEqual([]);
  });

  it('refuse a workspace package among the runtime dependencies', () => {
    const problems = check({ dependencies: { ...good.dependencies, '@rai-audit/core': 'workspace:*' } });
    expect(problems).toEqual([
      expect.stringMatching(/workspace package @rai-audit\/core .*move it to devDependencies/),
    ]);
  });

  it('refuse a bundled package among the runtime dependencies', () => {
    expect(check({ dependencies: { ...good.dependencies, zod: '^4.1.0' } })).toEqual([
      expect.stringMatching(/lists zod under dependencies, but the bundle contains it/),
    ]);
  });

  it('require every package the bundle imports at run time', () => {
    expect(check({ dependencies: { yaml: '^2.9.1' } })).toEqual([
      expect.stringMatching(/must list sharp under dependencies.*loaded from packages\/content-credentials/),
    ]);
  });

  it('require a dependency that a workspace package loads behind esbuild, once it is declared external', () => {
    expect(check({ dependencies: { sharp: '^0.34.5' } })).toEqual([
      expect.stringMatching(/must list yaml under dependencies.*loaded from packages\/core/),
    ]);
    expect(check(good, { external: ['sharp'] })).toEqual([
      expect.stringMatching(
        /packages\/core\/package.json depends on yaml, which the bundle neither contains nor keeps external/,
      ),
      expect.stringMatching(/lists yaml under dependencies, but the bundle does not load it/),
    ]);
  });

  it('refuse a shipped version other than the one the bundle was built against', () => {
    expect(check(good, { versions: { 'yaml@packages/core': '2.8.0' } })).toEqual([
      expect.stringMatching(
        /yaml: packages\/core is built against 2\.8\.0, but packages\/cli installs 2\.9\.1/,
      ),
    ]);
  });
});
