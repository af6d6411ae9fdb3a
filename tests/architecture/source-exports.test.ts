import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface Manifest {
  name: string;
  exports: Record<string, string | Record<string, string>>;
}

const libraries = readdirSync(join(root, 'packages'))
  .filter((dir) => dir !== 'cli' && existsSync(join(root, 'packages', dir, 'package.json')))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest,
  }));

// TypeScript (customConditions), vitest (ssr.resolve.conditions), the worker source loader and the eager-imports
// guard all resolve workspace imports through the `source` condition: an entry without it would be read from a
// stale dist/ (or not at all) while the build still compiles it.
describe('workspace package exports', () => {
  it('finds the library packages', () => {
    expect(libraries.map(({ dir }) => dir)).toEqual(expect.arrayContaining(['core', 'bias', 'report']));
  });

  it.each(libraries)(
    '$dir: every entry names its source first, beside the built file',
    ({ dir, manifest }) => {
      for (const [subpath, target] of Object.entries(manifest.exports)) {
        expect(typeof target, `${manifest.name} exports["${subpath}"]`).toBe('object');
        if (typeof target !== 'object') continue;
        expect(Object.keys(target)[0], `${manifest.name} exports["${subpath}"]`).toBe('source');
        const source = target.source ?? '';
        expect(existsSync(join(root, 'packages', dir, source)), `${dir}/${source}`).toBe(true);
        expect(target.default).toBe(source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js'));
      }
    },
  );
});
