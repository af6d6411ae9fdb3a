import { stringify } from 'yaml';
import type { EvaluationRecord, ModelCardSource } from '@rai-audit/core';
import { hubLicense } from './hub-license.js';
import type { HubEvalResult, HubFrontMatter } from './hub-metadata.js';

export interface ModelIndex {
  results: HubEvalResult[];
  /** Headline metrics left out because the Hub would drop them, with the reason. */
  dropped: Array<{ metric: string; reason: string }>;
}

/** `model-index` results for the headline metrics over the whole evaluation set; what the Hub would drop is left out. */
export function modelIndexResults(card: ModelCardSource, records: readonly EvaluationRecord[]): ModelIndex {
  const headline = card.metrics?.headline ?? ['accuracy'];
  const overall = records.filter((r) => r.subgroup.length === 0 && headline.includes(r.metric));
  const task = card.huggingFace?.pipelineTag;
  const dropped: ModelIndex['dropped'] = [];
  const bySource = new Map<string, EvaluationRecord[]>();
  for (const record of overall) {
    if (!task) dropped.push({ metric: record.metric, reason: 'no task type (set huggingFace.pipelineTag)' });
    else if (record.value === null)
      dropped.push({
        metric: record.metric,
        reason: `the value is not a number (${record.reason ?? 'undefined'})`,
      });
    else bySource.set(record.source, [...(bySource.get(record.source) ?? []), record]);
  }
  const evaluation = card.evaluationData?.[0];
  const results = [...bySource.values()].map((group): HubEvalResult => {
    const first = group[0] as EvaluationRecord;
    const datasetName = evaluation?.name ?? first.dataset?.path ?? first.source;
    return {
      task: { type: task as string },
      dataset: {
        type: evaluation?.hubId ?? datasetName,
        name: datasetName,
        ...(evaluation?.split ? { split: evaluation.split } : {}),
        ...(first.dataset ? { revision: first.dataset.sha256 } : {}),
      },
      metrics: group.map((record) => ({
        type: record.metric,
        value: record.value as number,
        name: record.metric,
      })),
    };
  });
  return { results, dropped };
}

/** The README's YAML front matter; every value is serialised by the YAML library, so user text cannot end it. */
export function hubFrontMatter(card: ModelCardSource, records: readonly EvaluationRecord[]): HubFrontMatter {
  const hf = card.huggingFace ?? {};
  const license = card.model.license ? hubLicense(card.model.license) : undefined;
  const datasets = hf.datasets ?? [
    ...new Set(
      [...(card.trainingData ?? []), ...(card.evaluationData ?? [])].flatMap((d) =>
        d.hubId ? [d.hubId] : [],
      ),
    ),
  ];
  const { results } = modelIndexResults(card, records);
  const impact = card.environmentalImpact;
  const front: HubFrontMatter = {
    ...(hf.language?.length ? { language: hf.language } : {}),
    ...(license ? { license: license.license } : {}),
    ...(license?.license_name ? { license_name: license.license_name } : {}),
    ...(card.model.licenseLink ? { license_link: card.model.licenseLink } : {}),
    ...(hf.libraryName ? { library_name: hf.libraryName } : {}),
    ...(hf.pipelineTag ? { pipeline_tag: hf.pipelineTag } : {}),
    ...(hf.tags?.length ? { tags: hf.tags } : {}),
    ...(datasets.length ? { datasets } : {}),
    ...(hf.baseModel ? { base_model: hf.baseModel } : {}),
    ...(results.length
      ? { metrics: [...new Set(results.flatMap((r) => r.metrics.map((m) => m.type)))] }
      : {}),
    ...(results.length ? { 'model-index': [{ name: card.model.id ?? card.model.name, results }] } : {}),
    ...(impact?.carbonEmittedKg !== undefined
      ? {
          co2_eq_emissions: {
            emissions: impact.carbonEmittedKg * 1000,
            ...(impact.computeRegion ? { geographical_location: impact.computeRegion } : {}),
            ...(impact.hardwareType ? { hardware_used: impact.hardwareType } : {}),
          },
        }
      : {}),
  };
  return front;
}

/** `---\n…\n---\n`: the YAML library quotes any value that could read as a document marker or a key. */
export function renderFrontMatter(front: HubFrontMatter): string {
  const body = stringify(front, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${body}---\n`;
}
