import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../shared-fixtures.js';
import { PACKAGE_LAYERS, findLayerViolations, readPackageSources } from './layers.js';

const file = (path: string, text: string) => ({ path, text });

describe('findLayerViolations', () => {
  it('flags a domain package importing another domain package', () => {
    const found = findLayerViolations([
      file('packages/content-credentials/src/a.ts', "import { runBiasAudit } from '@rai-audit/bias';"),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'layer', file: 'packages/content-credentials/src/a.ts' }),
    ]);
  });

  it('flags core importing anything of ours, report importing a domain package, and anyone importing the cli', () => {
    const found = findLayerViolations([
      file('packages/core/src/a.ts', "export * from '@rai-audit/report';"),
      file('packages/report/src/b.ts', "const m = await import('@rai-audit/bias');"),
      file('packages/bias/src/c.ts', "import type { CliIo } from 'rai-audit';"),
    ]);
    expect(found.map((v) => v.file)).toEqual([
      'packages/core/src/a.ts',
      'packages/report/src/b.ts',
      'packages/bias/src/c.ts',
    ]);
  });

  it('flags relative imports into another package and process.exit outside the cli', () => {
    const found = findLayerViolations([
      file('packages/report/src/a.ts', "import { x } from '../../bias/src/index.js';"),
      file('packages/bias/src/b.ts', 'process.exit(1);'),
      file('packages/cli/src/main.ts', 'process.exit(code);'),
    ]);
    expect(found.map((v) => v.rule)).toEqual(['relative-escape', 'process-exit']);
  });

  it('flags shipped code in src/, in any folder, importing a test/ folder', () => {
    const found = findLayerViolations([
      file('packages/bias/src/sql/a.ts', "import { rows } from '../../test/fixtures.js';"),
      file('packages/bias/src/b.ts', "export { x } from '../test/x.js';"),
      file('packages/report/src/charts/c.ts', "const m = await import('../../../bias/test/sections.js');"),
    ]);
    expect(found.map((v) => [v.file, v.rule])).toEqual([
      ['packages/bias/src/sql/a.ts', 'test-import'],
      ['packages/bias/src/b.ts', 'test-import'],
      ['packages/report/src/charts/c.ts', 'test-import'],
      ['packages/report/src/charts/c.ts', 'relative-escape'],
    ]);
  });

  it("lets tests and test helpers import test/ folders, and checks the helpers' layers", () => {
    expect(
      findLayerViolations([
        file('packages/bias/src/metrics/a.test.ts', "import { rows } from '../../test/fixtures.js';"),
        file(
          'packages/bias/test/fixtures.ts',
          "import { b } from './b.js';\nimport { c } from '../src/sql/c.js';",
        ),
        file(
          'packages/bias/test/shared.ts',
          "import { sharedPath } from '../../../tests/shared-fixtures.js';",
        ),
      ]),
    ).toEqual([]);
    const found = findLayerViolations([file('packages/bias/test/x.ts', "import '@rai-audit/report';")]);
    expect(found).toEqual([expect.objectContaining({ rule: 'layer', file: 'packages/bias/test/x.ts' })]);
  });

  it('allows the imports DESIGN.md allows', () => {
    expect(
      findLayerViolations([
        file(
          'packages/bias/src/a.ts',
          "import { InputError } from '@rai-audit/core';\nimport { b } from './b.js';",
        ),
        file('packages/report/src/a.ts', "import type { AuditResult } from '@rai-audit/core';"),
        file('packages/cli/src/a.ts', "import '@rai-audit/bias';\nimport '@rai-audit/report';"),
      ]),
    ).toEqual([]);
  });
});

describe('the repository', () => {
  it('keeps to the layer rules of DESIGN.md', () => {
    const sources = readPackageSources(repoRoot);
    expect(sources.length).toBeGreaterThan(10);
    // The walk reaches the concept folders and the test helpers, not only the top of src/.
    const paths = sources.map((source) => source.path);
    expect(paths).toContain('packages/bias/src/sql/aggregation-sql.ts');
    expect(paths).toContain('packages/bias/test/bias-sections.ts');
    expect(findLayerViolations(sources)).toEqual([]);
  });

  it('declares workspace dependencies that follow the same rules', () => {
    for (const [dir, info] of Object.entries(PACKAGE_LAYERS)) {
      let manifest: { dependencies?: Record<string, string> };
      try {
        manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8'));
      } catch {
        continue; // a package of a later issue, not created yet
      }
      const ours = Object.keys(manifest.dependencies ?? {}).filter(
        (name) => name.startsWith('@rai-audit/') || name === 'rai-audit',
      );
      const text = ours.map((name) => `import '${name}';`).join('\n');
      expect(findLayerViolations([file(`packages/${dir}/src/package.json.ts`, text)]), info.name).toEqual([]);
    }
  });
});
