import { readFileSync } from 'node:fs';

/** The package.json of rai-audit: one level up from src/ and dist/, two from the bundle in dist/bundle/. */
function readOwnPackageJson(): { name?: unknown; version?: unknown } {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: unknown };
      if (parsed.name === 'rai-audit') return parsed;
    } catch {
      // Not there, or not ours: try the next level.
    }
  }
  return {};
}

/** The version of the rai-audit package, read from its package.json. */
export function toolVersion(): string {
  const parsed = readOwnPackageJson();
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
