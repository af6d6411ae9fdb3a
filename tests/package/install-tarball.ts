import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { repoRoot } from '../shared-fixtures.js';

export const cliDir = join(repoRoot, 'packages', 'cli');

/** The environment of a user's shell: nothing that pnpm, npm or vitest set for this repository, no repo on PATH. */
export function outsideEnv(binDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(key) || key === 'NODE_PATH' || key === 'NODE_OPTIONS' || key === 'INIT_CWD')
      continue;
    env[key] = value;
  }
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '' && !resolve(entry).startsWith(repoRoot));
  env.PATH = [...(binDir ? [binDir] : []), ...path].join(delimiter);
  return env;
}

function run(
  what: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; hint: string },
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(
      `${what} failed (${why}): ${command} ${args.join(' ')}\n  in ${options.cwd}\n  ${options.hint}\n` +
        `--- stderr (end) ---\n${(result.stderr ?? '').slice(-3000)}\n--- stdout (end) ---\n${(result.stdout ?? '').slice(-1500)}`,
    );
  }
  return result;
}

/** Packs packages/cli with the repository's pinned pnpm (as a release does) and returns the tarball's path. */
export function packCli(): string {
  const pinned = (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
  ).packageManager;
  const destination = mkdtempSync(join(tmpdir(), 'rai-audit-pack-'));
  run('pnpm pack of packages/cli', 'npx', ['-y', pinned, 'pack', '--pack-destination', destination], {
    cwd: cliDir,
    env: outsideEnv(),
    timeoutMs: 180_000,
    hint: 'run `pnpm run build` first; the prepack step (scripts/prepack-cli.mjs) says what is missing',
  });
  const tarballs = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`pnpm pack wrote ${tarballs.length} tarballs to ${destination}`);
  return join(destination, tarballs[0]!);
}

/** The paths inside a tarball, without the leading `package/`. */
export function tarballEntries(tarball: string): string[] {
  const listing = run('listing the tarball', 'tar', ['-tzf', tarball], {
    cwd: tmpdir(),
    env: outsideEnv(),
    timeoutMs: 30_000,
    hint: 'needs the `tar` command',
  });
  return listing.stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''))
    .sort();
}

/**
 * Installs the tarball as a user would (`npm install -g`), into a fresh prefix, from an empty folder outside the
 * repository: the tarball is the only local source, its dependencies come from the registry npm is configured
 * with (through npm's cache when it has them). Returns the prefix.
 */
export function installGlobally(tarball: string): string {
  const prefix = mkdtempSync(join(tmpdir(), 'rai-audit-prefix-'));
  const cwd = mkdtempSync(join(tmpdir(), 'rai-audit-install-'));
  run(
    'npm install -g of the packed tarball',
    'npm',
    ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
    {
      cwd,
      env: outsideEnv(),
      timeoutMs: 300_000,
      hint:
        'the tarball installs its dependencies from the npm registry: check that it is reachable ' +
        '(`npm config get registry`, proxy settings) and that every dependency in packages/cli/package.json is published',
    },
  );
  return prefix;
}
