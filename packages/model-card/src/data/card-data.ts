import type { CardDataRecord, CardDataset, EvaluationRecord, ModelCardSource } from '@rai-audit/core';

/** A dataset as a provenance export describes it (CycloneDX `data` components of `rai-audit data export`). */
export interface ProvenanceDataset {
  name: string;
  sha256?: string;
  license?: string;
  source?: string;
  collection?: string;
}

function fromCard(role: CardDataRecord['role'], dataset: CardDataset): CardDataRecord {
  return {
    role,
    name: dataset.name,
    ...(dataset.source ? { source: dataset.source } : {}),
    ...(dataset.license ? { license: dataset.license } : {}),
    ...(dataset.collection ? { collection: dataset.collection } : {}),
    ...(dataset.sha256 ? { sha256: dataset.sha256 } : {}),
    ...(dataset.path ? { path: dataset.path } : {}),
    origin: 'card',
  };
}

/** The provenance record wins for what it carries (licence, digest, source), since it is the ledger of the bytes. */
function withProvenance(record: CardDataRecord, provenance: readonly ProvenanceDataset[]): CardDataRecord {
  const match = provenance.find((p) => p.name === record.name);
  if (!match) return record;
  return {
    ...record,
    ...(match.source ? { source: match.source } : {}),
    ...(match.license ? { license: match.license } : {}),
    ...(match.collection ? { collection: match.collection } : {}),
    ...(match.sha256 ? { sha256: match.sha256 } : {}),
    origin: 'provenance',
  };
}

/**
 * Training and evaluation data of the card: the card's own fields, completed by the provenance records of the same
 * name; datasets the provenance names and the card does not are training data; data files of the audits that the
 * card does not name are evaluation data.
 */
export function cardDataRecords(
  card: ModelCardSource,
  provenance: readonly ProvenanceDataset[],
  records: readonly EvaluationRecord[],
): CardDataRecord[] {
  const stated = [
    ...(card.trainingData ?? []).map((d) => fromCard('training', d)),
    ...(card.evaluationData ?? []).map((d) => fromCard('evaluation', d)),
  ].map((record) => withProvenance(record, provenance));
  const named = new Set(stated.map((record) => record.name));
  const extraProvenance = provenance
    .filter((p) => !named.has(p.name))
    .map((p): CardDataRecord => ({
      role: 'training',
      name: p.name,
      ...(p.source ? { source: p.source } : {}),
      ...(p.license ? { license: p.license } : {}),
      ...(p.collection ? { collection: p.collection } : {}),
      ...(p.sha256 ? { sha256: p.sha256 } : {}),
      origin: 'provenance',
    }));
  const paths = new Set(stated.flatMap((record) => (record.path ? [record.path] : [])));
  const digests = new Set(stated.flatMap((record) => (record.sha256 ? [record.sha256] : [])));
  const audited = new Map<string, CardDataRecord>();
  for (const record of records) {
    const file = record.dataset;
    if (!file || paths.has(file.path) || digests.has(file.sha256) || audited.has(file.sha256)) continue;
    audited.set(file.sha256, {
      role: 'evaluation',
      name: file.path,
      path: file.path,
      sha256: file.sha256,
      origin: 'audit',
    });
  }
  return [...stated, ...extraProvenance, ...audited.values()];
}

type Json = Record<string, unknown>;

function licenceText(component: Json): string | undefined {
  const list = Array.isArray(component.licenses) ? (component.licenses as Json[]) : [];
  const first = list[0];
  if (!first) return undefined;
  if (typeof first.expression === 'string') return first.expression;
  const license = first.license as Json | undefined;
  return typeof license?.id === 'string'
    ? license.id
    : typeof license?.name === 'string'
      ? license.name
      : undefined;
}

/** Reads the `data` components of a CycloneDX BOM (the provenance export); anything else in it is ignored. */
export function provenanceFromCycloneDx(bom: unknown): ProvenanceDataset[] | undefined {
  const doc = bom as Json | null;
  if (!doc || doc.bomFormat !== 'CycloneDX' || !Array.isArray(doc.components)) return undefined;
  return (doc.components as Json[])
    .filter((c) => c.type === 'data' && typeof c.name === 'string')
    .map((c) => {
      const hashes = Array.isArray(c.hashes) ? (c.hashes as Json[]) : [];
      const sha = hashes.find((h) => h.alg === 'SHA-256')?.content;
      const refs = Array.isArray(c.externalReferences) ? (c.externalReferences as Json[]) : [];
      const url = refs.find((r) => typeof r.url === 'string')?.url;
      const license = licenceText(c);
      return {
        name: c.name as string,
        ...(typeof sha === 'string' ? { sha256: sha.toLowerCase() } : {}),
        ...(license ? { license } : {}),
        ...(typeof url === 'string' ? { source: url } : {}),
        ...(typeof c.description === 'string' ? { collection: c.description } : {}),
      };
    });
}
