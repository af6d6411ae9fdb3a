import { parse } from 'yaml';
import { parseLicenseExpression, type ModelCardSource } from '@rai-audit/core';
import type { LossReport } from './loss-report.js';

type Json = Record<string, unknown>;

const strings = (value: unknown): string[] | undefined =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string')
      : undefined;

/** The SPDX expression of a Hub licence id (`apache-2.0` → `Apache-2.0`, `openrail` → `LicenseRef-OpenRAIL`). */
export function licenseFromHub(id: string, name?: string): string | undefined {
  if (id === 'other' && name) return `LicenseRef-${name.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
  const parsed = parseLicenseExpression(id);
  return parsed.ok ? parsed.expression : undefined;
}

const KNOWN_KEYS = new Set([
  'license',
  'license_name',
  'license_link',
  'language',
  'library_name',
  'pipeline_tag',
  'tags',
  'datasets',
  'base_model',
  'model-index',
  'metrics',
  'co2_eq_emissions',
]);

/** Maps the README front matter into the card; what has no place in the card is kept under extra or reported. */
export function importFrontMatter(text: string, card: ModelCardSource, loss: LossReport): void {
  let meta: Json;
  try {
    const parsed: unknown = parse(text);
    meta = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : {};
  } catch (error) {
    card.extra = { ...card.extra, 'front matter': text };
    loss.lost.push({
      field: 'front matter',
      reason: `not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : 'error'}); kept as text`,
    });
    loss.keptInExtra.push('front matter');
    return;
  }
  const hf: NonNullable<ModelCardSource['huggingFace']> = {};
  if (typeof meta.license === 'string') {
    const license = licenseFromHub(
      meta.license,
      typeof meta.license_name === 'string' ? meta.license_name : undefined,
    );
    if (license) card.model.license = license;
    else
      loss.lost.push({
        field: 'license',
        reason: `"${meta.license}" has no SPDX equivalent rai-audit knows`,
      });
  }
  if (typeof meta.license_name === 'string' && meta.license === 'other')
    card.model.licenseName = meta.license_name;
  if (typeof meta.license_link === 'string') card.model.licenseLink = meta.license_link;
  const language = strings(meta.language);
  if (language) hf.language = language;
  if (typeof meta.library_name === 'string') hf.libraryName = meta.library_name;
  if (typeof meta.pipeline_tag === 'string') hf.pipelineTag = meta.pipeline_tag;
  const tags = strings(meta.tags);
  if (tags) hf.tags = tags;
  const datasets = strings(meta.datasets);
  if (datasets) hf.datasets = datasets;
  if (typeof meta.base_model === 'string' || Array.isArray(meta.base_model))
    hf.baseModel = meta.base_model as string | string[];
  if (Object.keys(hf).length) card.huggingFace = { ...card.huggingFace, ...hf };
  const co2 = meta.co2_eq_emissions as Json | undefined;
  if (co2 && typeof co2.emissions === 'number') {
    card.environmentalImpact = { ...card.environmentalImpact, carbonEmittedKg: co2.emissions / 1000 };
  }
  if (meta['model-index'] !== undefined)
    loss.regenerated.push('front matter model-index (from the audits given to card build)');
  if (meta.metrics !== undefined) loss.regenerated.push('front matter metrics');
  const unknown = Object.keys(meta).filter((key) => !KNOWN_KEYS.has(key));
  for (const key of unknown) {
    card.extra = { ...card.extra, [`front matter: ${key}`]: meta[key] };
    loss.keptInExtra.push(`front matter: ${key}`);
  }
}
