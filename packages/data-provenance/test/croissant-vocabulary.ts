import { readFileSync } from 'node:fs';

/**
 * A validation of Croissant 1.1 documents written from the vocabulary files (croissant.ttl, croissant_rai.ttl):
 * the terms each namespace defines are read from the Turtle, and a document may use only those; plus the
 * required and recommended dataset fields of the Croissant 1.1 specification and what a FileObject needs.
 */
export interface CroissantVocabulary {
  cr: Set<string>;
  rai: Set<string>;
}

export function readVocabulary(croissantTtl: string, raiTtl: string): CroissantVocabulary {
  const terms = (file: string, prefix: string): Set<string> =>
    new Set(
      [...readFileSync(file, 'utf8').matchAll(new RegExp(`^${prefix}:([A-Za-z0-9_]+) a `, 'gm'))].map(
        (m) => m[1] as string,
      ),
    );
  return { cr: terms(croissantTtl, 'croissant'), rai: terms(raiTtl, 'rai') };
}

const NAMESPACES: Record<string, keyof CroissantVocabulary> = {
  'http://mlcommons.org/croissant/': 'cr',
  'http://mlcommons.org/croissant/RAI/': 'rai',
};

const REQUIRED = ['name', 'description', 'license', 'url', 'conformsTo'];
const RECOMMENDED = ['creator', 'datePublished'];

/** Every problem of a Croissant document: unknown vocabulary terms, missing fields, FileObjects without a real hash. */
export function validateCroissant(doc: Record<string, unknown>, vocabulary: CroissantVocabulary): string[] {
  const problems: string[] = [];
  const context = (doc['@context'] ?? {}) as Record<string, unknown>;
  const prefixes = new Map<string, keyof CroissantVocabulary>();
  for (const [key, value] of Object.entries(context)) {
    if (typeof value === 'string' && NAMESPACES[value]) prefixes.set(key, NAMESPACES[value]);
  }
  if (![...prefixes.values()].includes('cr'))
    problems.push('@context does not map a prefix to the Croissant namespace');
  const checkTerm = (term: string, where: string): void => {
    const [prefix, local] = term.split(':');
    const namespace = prefix ? prefixes.get(prefix) : undefined;
    if (namespace && local && !vocabulary[namespace].has(local))
      problems.push(`${where}: ${term} is not in the ${namespace} vocabulary`);
  };
  for (const [key, value] of Object.entries(context)) {
    const target = typeof value === 'string' ? value : (value as { '@id'?: string })['@id'];
    if (typeof target === 'string' && !target.includes('//')) checkTerm(target, `@context.${key}`);
  }
  if (doc['@type'] !== 'sc:Dataset') problems.push('@type must be sc:Dataset');
  if (doc.conformsTo !== 'http://mlcommons.org/croissant/1.1')
    problems.push('conformsTo must be http://mlcommons.org/croissant/1.1');
  for (const field of [...REQUIRED, ...RECOMMENDED])
    if (doc[field] === undefined) problems.push(`missing ${field}`);
  for (const key of Object.keys(doc)) if (key.includes(':') && !key.startsWith('@')) checkTerm(key, key);
  const distribution = Array.isArray(doc.distribution)
    ? (doc.distribution as Array<Record<string, unknown>>)
    : [];
  distribution.forEach((entry, index) => {
    checkTerm(String(entry['@type']), `distribution[${index}].@type`);
    if (entry['@type'] !== 'cr:FileObject') return;
    for (const field of ['@id', 'name', 'contentUrl', 'encodingFormat']) {
      if (typeof entry[field] !== 'string') problems.push(`distribution[${index}] has no ${field}`);
    }
    const sha = entry.sha256;
    const md5 = entry.md5;
    if (
      !(typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) &&
      !(typeof md5 === 'string' && /^[0-9a-f]{32}$/.test(md5))
    ) {
      problems.push(`distribution[${index}] has no real sha256 or md5`);
    }
  });
  return problems;
}
