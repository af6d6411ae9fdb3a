import { parseLicenseExpression } from '@rai-audit/core';
import { ledgerName, type ImportFinding, type ImportResult } from './imported.js';

const CC_URL = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/i;
const SPDX_URL = /spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(\.html|\.json)?$/;

/** A licence URL or name as an SPDX expression, when it maps to one. */
export function licenseFromCroissant(value: string): string | undefined {
  const cc = CC_URL.exec(value);
  if (cc?.[2] && cc[3]) {
    const id = cc[2].toLowerCase() === 'zero' ? 'CC0-1.0' : `CC-${cc[2].toUpperCase()}-${cc[3]}`;
    const parsed = parseLicenseExpression(id);
    return parsed.ok ? parsed.expression : undefined;
  }
  const spdx = SPDX_URL.exec(value);
  const parsed = parseLicenseExpression(spdx?.[1] ?? value);
  return parsed.ok ? parsed.expression : undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : Array.isArray(value)
      ? text(value[0])
      : value && typeof value === 'object'
        ? text((value as { name?: unknown }).name)
        : undefined;

const HEX64 = /^[0-9a-f]{64}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;

/** Reads a Croissant metadata.json into a ledger dataset; its problems become findings. */
export function importCroissant(json: unknown, file: string): ImportResult {
  const doc = (json ?? {}) as Record<string, unknown>;
  const name = ledgerName(text(doc.name) ?? 'croissant');
  const findings: ImportFinding[] = [];
  const finding = (code: ImportFinding['code'], message: string): void =>
    void findings.push({ file, dataset: name, code, message });
  const licenseText = text(doc.license);
  const license = licenseText ? licenseFromCroissant(licenseText) : undefined;
  if (!licenseText) finding('missing-license', 'the dataset states no licence');
  else if (!license)
    finding(
      'license-not-spdx',
      `the licence "${licenseText}" has no SPDX id; it is kept as licenseUrl or licenseText`,
    );
  const published = text(doc.datePublished);
  const created = text(doc.dateCreated);
  if (!published && !created) finding('missing-date', 'neither datePublished nor dateCreated is given');
  const distribution = Array.isArray(doc.distribution)
    ? (doc.distribution as Array<Record<string, unknown>>)
    : [];
  const files: Record<string, { size: number; mtimeMs: number; sha256: string | null; md5?: string }> = {};
  const paths: string[] = [];
  for (const entry of distribution) {
    const type = text(entry['@type']) ?? '';
    const id = text(entry['@id']) ?? text(entry.name) ?? '?';
    if (!/FileObject$/.test(type)) continue;
    const sha = text(entry.sha256);
    const md5 = text(entry.md5);
    if (sha !== undefined && !HEX64.test(sha))
      finding('placeholder-hash', `FileObject "${id}" has a placeholder sha256 ("${sha}")`);
    else if (sha === undefined && (md5 === undefined || !HEX32.test(md5)))
      finding('missing-hash', `FileObject "${id}" has no sha256 or md5`);
    const url = text(entry.contentUrl) ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      finding(
        'remote-file',
        `FileObject "${id}" is remote (${url}); download it and run \`rai-audit data add\` to track its bytes`,
      );
      continue;
    }
    const validSha = sha && HEX64.test(sha) ? sha.toLowerCase() : null;
    const validMd5 = md5 && HEX32.test(md5) ? md5.toLowerCase() : undefined;
    if (!validSha && !validMd5) continue;
    paths.push(url);
    // Size and mtime unknown: mtime 0 never matches the cache, so the next verify reads the file and checks the hash.
    files[url] = { size: 0, mtimeMs: 0, sha256: validSha, ...(validMd5 ? { md5: validMd5 } : {}) };
  }
  const creator = text(doc.creator);
  const publisher = text(doc.publisher);
  const source = Object.fromEntries(
    Object.entries({
      url: text(doc.url),
      creator,
      publisher,
      retrieved: published && /^\d{4}/.test(published) ? published.slice(0, 10) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  return {
    datasets: [
      {
        dataset: {
          name,
          paths,
          ...(text(doc.description) ? { description: text(doc.description) } : {}),
          ...(license ? { license } : {}),
          ...(!license && licenseText
            ? /^https?:/.test(licenseText)
              ? { licenseUrl: licenseText }
              : { licenseText }
            : {}),
          sources: Object.keys(source).length ? [source] : [],
        },
        files,
        pending: [],
      },
    ],
    findings,
  };
}
