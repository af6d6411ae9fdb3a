import { InputError, parseLicenseExpression, type ModelCardSource } from '@rai-audit/core';
import { emptyLossReport, type LossReport } from './loss-report.js';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const arr = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;
const descriptions = (value: unknown): string[] | undefined => {
  const out = arr(value).flatMap((item) => (str(item.description) ? [item.description as string] : []));
  return out.length ? out : undefined;
};

function license(details: Json, loss: LossReport): string | undefined {
  const ids = arr(details.licenses).map((l) => {
    const id = str(l.identifier);
    if (id === 'proprietary') return 'LicenseRef-proprietary';
    if (id && parseLicenseExpression(id).ok) return parseLicenseExpression(id).ok ? id : undefined;
    if (id || str(l.custom_text))
      loss.lost.push({
        field: 'model_details.licenses',
        reason: `"${id ?? 'custom text'}" is not an SPDX id`,
      });
    return undefined;
  });
  const valid = ids.filter((id): id is string => id !== undefined);
  return valid.length ? valid.join(' OR ') : undefined;
}

/** Reads a Model Card Toolkit JSON (schema v0.0.1/v0.0.2) into a card source, with a report of what did not map. */
export function importMctJson(text: string, file: string): { card: ModelCardSource; loss: LossReport } {
  let doc: Json;
  try {
    doc = obj(JSON.parse(text));
  } catch (cause) {
    throw new InputError('is not JSON', {
      file,
      location: cause instanceof Error ? cause.message : undefined,
      hint: 'Pass a Model Card Toolkit model_card.json or a Hugging Face README.md',
      cause,
    });
  }
  const loss = emptyLossReport();
  const details = obj(doc.model_details);
  const params = obj(doc.model_parameters);
  const considerations = obj(doc.considerations);
  const version = obj(details.version);
  const card: ModelCardSource = {
    model: {
      name: str(details.name) ?? 'unnamed model',
      ...(str(version.name) ? { version: version.name as string } : {}),
      ...(str(version.date) ? { date: version.date as string } : {}),
      ...(str(details.overview) || str(details.documentation)
        ? { description: [str(details.overview), str(details.documentation)].filter(Boolean).join('\n\n') }
        : {}),
      ...(arr(details.owners).length
        ? {
            owners: arr(details.owners).map((o) => ({
              name: str(o.name) ?? 'unnamed',
              ...(str(o.contact) ? { contact: o.contact as string } : {}),
            })),
          }
        : {}),
      ...(str(params.model_architecture) ? { architecture: params.model_architecture as string } : {}),
      ...(arr(details.references).length
        ? {
            references: arr(details.references).flatMap((r) =>
              str(r.reference) ? [r.reference as string] : [],
            ),
          }
        : {}),
      ...(arr(details.citations).length
        ? {
            citation: arr(details.citations)
              .flatMap((c) => (str(c.citation) ? [c.citation as string] : []))
              .join('\n\n'),
          }
        : {}),
    },
  };
  const spdx = license(details, loss);
  if (spdx) card.model.license = spdx;
  const datasets = arr(params.data).map((d) => ({
    name: str(d.name) ?? 'unnamed dataset',
    ...(str(d.description) ? { description: d.description as string } : {}),
    ...(str(d.link) ? { source: d.link as string } : {}),
  }));
  if (datasets.length) {
    card.trainingData = datasets;
    loss.lost.push({
      field: 'model_parameters.data',
      reason:
        'MCT does not say which datasets trained and which evaluated the model: all listed as training data; move evaluation sets to evaluationData',
    });
  }
  const uses = descriptions(considerations.use_cases);
  const users = descriptions(considerations.users);
  if (uses || users)
    card.intendedUse = { ...(uses ? { primaryUses: uses } : {}), ...(users ? { primaryUsers: users } : {}) };
  card.limitations = descriptions(considerations.limitations);
  card.caveats = descriptions(considerations.tradeoffs);
  const risks = arr(considerations.ethical_considerations)
    .map((r) => ({
      risk: str(r.name) ?? '',
      ...(str(r.mitigation_strategy) ? { mitigation: r.mitigation_strategy as string } : {}),
    }))
    .filter((r) => r.risk);
  if (risks.length) card.ethicalConsiderations = risks;
  for (const key of ['limitations', 'caveats'] as const) if (card[key] === undefined) delete card[key];
  const metrics = arr(obj(doc.quantitative_analysis).performance_metrics);
  if (metrics.length) {
    card.extra = { ...card.extra, 'MCT performance_metrics': metrics };
    loss.keptInExtra.push(
      `quantitative_analysis.performance_metrics (${metrics.length}): card build takes metrics from audits, with n and intervals`,
    );
  }
  for (const key of ['input_format', 'output_format', 'input_format_map', 'output_format_map'] as const) {
    if (params[key] !== undefined) {
      card.extra = { ...card.extra, [`MCT ${key}`]: params[key] };
      loss.keptInExtra.push(`model_parameters.${key}`);
    }
  }
  for (const key of ['path'])
    if (details[key] !== undefined)
      loss.lost.push({
        field: `model_details.${key}`,
        reason: 'a local path has no place in a published card',
      });
  if (
    obj(doc.quantitative_analysis).graphics !== undefined ||
    datasets.some((_, i) => arr(params.data)[i]?.graphics)
  )
    loss.lost.push({ field: 'graphics', reason: 'images are not imported; card build draws its own charts' });
  return { card, loss };
}
