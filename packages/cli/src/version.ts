import { readFileSync } from 'node:fs';

/** The version of the rai-audit package, read from its package.json (works from src/ and dist/). */
export function toolVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
