// The rules that keep packages/cli installable on its own (`npm install -g rai-audit-<version>.tgz`), checked
// against what esbuild actually bundled (its metafile), so that a package added later cannot silently break the
// tarball. scripts/bundle-cli.mjs runs them after every bundle; tests/package/cli-package-rules.test.ts shows each
// rule failing.
//
//   1. No workspace package is a runtime dependency: the bundle contains their code, and they are not published.
//   2. Every package the bundle loads at run time (an import esbuild kept external, or a dependency of a bundled
//      workspace package that is loaded behind esbuild's back, e.g. through createRequire) is a dependency.
//   3. Nothing else is a dependency: a package that the bundle contains is a devDependency (installing it is waste).
//   4. The version the tarball installs is the version the bundle was built and tested with: each runtime package
//      resolves to the same version from packages/cli as from the code that loads it.
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules);

/** The package name of an import specifier (`@scope/name/sub` → `@scope/name`), or undefined for a built-in. */
export function packageOfSpecifier(specifier) {
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0])) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The npm package a bundled file belongs to (its last node_modules segment), or undefined for our own files. */
function npmPackageOfFile(file) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(file);
  return match?.[1];
}

/** The folder of the package a bundled file belongs to, relative to the bundle's working directory. */
function packageDirOfFile(file, workspaceByDir) {
  const npm = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(file);
  if (npm) return npm[1];
  const own = /^(packages\/[^/]+)\//.exec(file);
  return own && workspaceByDir.has(own[1]) ? own[1] : undefined;
}

/**
 * Checks packages/cli/package.json against the bundle and returns one message per broken rule (empty when all hold).
 *
 * @param {object} input
 * @param {{dependencies?: Record<string,string>, devDependencies?: Record<string,string>}} input.manifest packages/cli/package.json
 * @param {string} input.cliDir packages/cli, relative to the bundle's working directory
 * @param {Map<string, {name: string, dependencies: Record<string,string>}>} input.workspace workspace packages by folder (`packages/core`)
 * @param {{inputs: Record<string, {imports: {path: string, external?: boolean}[]}>}} input.metafile esbuild's metafile
 * @param {string[]} input.external the names esbuild was told to keep external
 * @param {Record<string,string>} input.optional packages the bundle may import but need not have, with the reason
 * @param {(name: string, fromDir: string) => string | undefined} input.installedVersion the version `name` resolves to from a folder
 * @returns {string[]}
 */
export function checkCliPackage({
  manifest,
  cliDir,
  workspace,
  metafile,
  external,
  optional,
  installedVersion,
}) {
  const problems = [];
  const dependencies = manifest.dependencies ?? {};
  const workspaceNames = new Set([...workspace.values()].map((pkg) => pkg.name));
  const files = Object.keys(metafile.inputs);
  const bundledNpm = new Set(files.map(npmPackageOfFile).filter(Boolean));
  const bundledWorkspace = new Set(files.map((file) => /^(packages\/[^/]+)\//.exec(file)?.[1]));

  // What the bundle needs at run time, and from which package folders it is loaded.
  /** @type {Map<string, Set<string>>} */
  const runtime = new Map();
  const need = (name, fromDir) => {
    if (!runtime.has(name)) runtime.set(name, new Set());
    if (fromDir) runtime.get(name).add(fromDir);
  };
  for (const name of external) need(name);
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      const name = imported.external ? packageOfSpecifier(imported.path) : undefined;
      if (name && !(name in optional)) need(name, packageDirOfFile(file, workspace));
    }
  }
  for (const [dir, pkg] of workspace) {
    if (!bundledWorkspace.has(dir)) continue;
    for (const [name, spec] of Object.entries(pkg.dependencies ?? {})) {
      if (workspaceNames.has(name) || spec.startsWith('workspace:') || bundledNpm.has(name)) continue;
      if (external.includes(name)) need(name, dir);
      else
        problems.push(
          `${dir}/package.json depends on ${name}, which the bundle neither contains nor keeps external: if it is ` +
            `loaded at run time (require(), createRequire, a file path), add it to \`external\` in ` +
            `scripts/bundle-cli.mjs and to the dependencies of ${cliDir}; if only its types are used, make it a devDependency`,
        );
    }
  }

  for (const [name, spec] of Object.entries(dependencies)) {
    if (workspaceNames.has(name) || spec.startsWith('workspace:')) {
      problems.push(
        `${cliDir}/package.json lists the workspace package ${name} under dependencies: the bundle contains its ` +
          `code and it is not published; move it to devDependencies`,
      );
    } else if (!runtime.has(name)) {
      problems.push(
        `${cliDir}/package.json lists ${name} under dependencies, but the bundle ${bundledNpm.has(name) ? 'contains it' : 'does not load it'}: ` +
          `move it to devDependencies (or, if it must load at run time, add it to \`external\` in scripts/bundle-cli.mjs)`,
      );
    }
  }

  for (const [name, fromDirs] of [...runtime].sort(([a], [b]) => a.localeCompare(b))) {
    if (!(name in dependencies)) {
      const where = fromDirs.size > 0 ? ` (loaded from ${[...fromDirs].sort().join(', ')})` : '';
      problems.push(
        `${cliDir}/package.json must list ${name} under dependencies: the bundle loads it at run time${where}`,
      );
      continue;
    }
    const shipped = installedVersion(name, cliDir);
    if (shipped === undefined) {
      problems.push(`${name} is not installed in ${cliDir}: run \`pnpm install\``);
      continue;
    }
    for (const dir of [...fromDirs].sort()) {
      const used = installedVersion(name, dir);
      if (used !== undefined && used !== shipped) {
        problems.push(
          `${name}: ${dir} is built against ${used}, but ${cliDir} installs ${shipped} ` +
            `("${dependencies[name]}"); make the version ranges agree`,
        );
      }
    }
  }
  return problems;
}
