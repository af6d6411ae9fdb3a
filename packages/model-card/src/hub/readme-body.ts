import type { CardDataRecord, EvaluationRecord, ModelCardSource } from '@rai-audit/core';
import { resultTables, type ResultTable } from '../evaluation/result-tables.js';
import { markdownInline, markdownList, markdownParagraphs, markdownTable } from './markdown-text.js';

/** The label of each `- **Label:** value` line the README writes; the importer reads the same labels back. */
export const FIELD_LABELS = {
  owners: 'Developed by',
  id: 'Hub repository',
  type: 'Model type',
  license: 'License',
  version: 'Version',
  date: 'Release date',
  architecture: 'Architecture',
  baseModel: 'Finetuned from model',
  ownership: 'Ownership of outputs',
  outputLicense: 'Licence of outputs',
  trainingOtherModels: 'Use of outputs to train other models',
  conditions: 'Conditions',
  hardwareType: 'Hardware Type',
  hoursUsed: 'Hours used',
  cloudProvider: 'Cloud Provider',
  computeRegion: 'Compute Region',
  carbonEmittedKg: 'Carbon Emitted (kg CO2eq)',
  energyKwh: 'Energy (kWh)',
  primaryUsers: 'Intended users',
} as const;

/** The fenced block that carries imported content rai-audit could not map, so nothing is lost and nothing renders. */
export const EXTRA_HEADING = 'Unmapped content (kept by rai-audit import)';

function field(label: string, value: string | number | undefined): string[] {
  return value === undefined || value === '' ? [] : [`- **${label}:** ${markdownInline(String(value))}`];
}

function section(level: number, title: string, body: readonly string[]): string[] {
  const content = body.filter((part) => part !== '');
  return content.length === 0
    ? []
    : [`${'#'.repeat(level)} ${title}`, '', ...content.flatMap((p) => [p, ''])];
}

function list(items: readonly string[] | undefined): string {
  return items?.length ? markdownList(items) : '';
}

function tableBlock(table: ResultTable, title: string): string[] {
  if (table.rows.length === 0) return [];
  const rows = table.rows.map((row) => row.map(markdownInline));
  return [
    `**${title}**`,
    markdownTable(table.header.map(markdownInline), rows),
    table.notes.map((note) => `- ${markdownInline(note)}`).join('\n'),
  ];
}

function dataBlock(records: ReadonlyArray<CardDataRecord & { hubId?: string; split?: string }>): string {
  return records
    .map((record) => {
      const details = [
        record.source ? `source: ${record.source}` : '',
        record.license ? `licence: ${record.license}` : '',
        record.collection ? `collection: ${record.collection}` : '',
        record.sha256 ? `sha256: ${record.sha256}` : '',
        record.path ? `path: ${record.path}` : '',
        record.hubId ? `hub id: ${record.hubId}` : '',
        record.split ? `split: ${record.split}` : '',
      ].filter(Boolean);
      return `- **${markdownInline(record.name)}**${details.length ? `: ${markdownInline(details.join('; '))}` : ''}`;
    })
    .join('\n');
}

/** The data records of one role, with the Hub id and split the card states for them. */
function withHubFields(
  data: readonly CardDataRecord[],
  card: ModelCardSource,
  role: CardDataRecord['role'],
): Array<CardDataRecord & { hubId?: string; split?: string }> {
  const stated = role === 'training' ? card.trainingData : card.evaluationData;
  return data
    .filter((d) => d.role === role)
    .map((d) => {
      const match = stated?.find((s) => s.name === d.name);
      return {
        ...d,
        ...(match?.hubId ? { hubId: match.hubId } : {}),
        ...(match?.split ? { split: match.split } : {}),
      };
    });
}

function fence(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${content}\n${marks}`;
}

/** Everything after the front matter, on the Hub's model card template headings. */
export function renderReadmeBody(
  card: ModelCardSource,
  records: readonly EvaluationRecord[],
  data: readonly CardDataRecord[],
): string {
  const m = card.model;
  const use = card.intendedUse ?? {};
  const terms = card.outputTerms;
  const impact = card.environmentalImpact ?? {};
  const tables = resultTables(records, card.quantitativeAnalyses?.minGroupSize ?? 30);
  const baseModel = [card.huggingFace?.baseModel ?? []].flat().join(', ');
  const lines = [
    `# Model Card for ${markdownInline(m.name)}`,
    '',
    ...(m.description ? [markdownParagraphs(m.description), ''] : []),
    ...section(2, 'Model Details', [
      ...section(3, 'Model Description', [
        [
          ...field(
            FIELD_LABELS.owners,
            m.owners?.map((o) => (o.contact ? `${o.name} <${o.contact}>` : o.name)).join(', '),
          ),
          ...field(FIELD_LABELS.id, m.id),
          ...field(FIELD_LABELS.type, m.type),
          ...field(FIELD_LABELS.license, m.license),
          ...field(FIELD_LABELS.version, m.version),
          ...field(FIELD_LABELS.date, m.date),
          ...field(FIELD_LABELS.architecture, m.architecture),
          ...field(FIELD_LABELS.baseModel, baseModel || undefined),
        ].join('\n'),
      ]),
      ...section(3, 'Model Sources', [list(m.references)]),
    ]),
    ...section(2, 'Uses', [
      ...section(3, 'Direct Use', [
        list(use.primaryUses),
        ...field(FIELD_LABELS.primaryUsers, use.primaryUsers?.join('; ')),
      ]),
      ...section(3, 'Downstream Use', [list(use.downstreamUses)]),
      ...section(3, 'Out-of-Scope Use', [list(use.outOfScopeUses)]),
      ...section(3, 'Output Terms', [
        [
          ...field(FIELD_LABELS.ownership, terms?.ownership),
          ...field(FIELD_LABELS.outputLicense, terms?.license),
          ...field(FIELD_LABELS.trainingOtherModels, terms?.trainingOtherModels),
          ...field(FIELD_LABELS.conditions, terms?.conditions),
        ].join('\n'),
        list(terms?.restrictions),
      ]),
    ]),
    ...section(2, 'Bias, Risks, and Limitations', [
      list(card.limitations),
      ...section(3, 'Ethical Considerations', [
        (card.ethicalConsiderations ?? [])
          .map(
            (e) =>
              `- ${markdownInline(e.risk)}${e.mitigation ? ` Mitigation: ${markdownInline(e.mitigation)}` : ''}`,
          )
          .join('\n'),
      ]),
      ...section(3, 'Caveats', [list(card.caveats)]),
      ...section(3, 'Recommendations', [list(card.recommendations)]),
    ]),
    ...section(2, 'Training Details', [
      ...section(3, 'Training Data', [dataBlock(withHubFields(data, card, 'training'))]),
      ...section(3, 'Training Procedure', [
        card.trainingProcedure ? markdownParagraphs(card.trainingProcedure) : '',
      ]),
    ]),
    ...section(2, 'Evaluation', [
      ...section(3, 'Testing Data, Factors & Metrics', [
        ...section(4, 'Testing Data', [dataBlock(withHubFields(data, card, 'evaluation'))]),
        ...section(4, 'Factors', [
          (card.factors?.relevant ?? [])
            .map(
              (f) =>
                `- **${markdownInline(f.attribute)}**${f.groups?.length ? `: ${markdownInline(f.groups.join(', '))}` : ''}${f.description ? `. ${markdownInline(f.description)}` : ''}`,
            )
            .join('\n'),
        ]),
        ...section(4, 'Metrics', [
          list(card.metrics?.measures),
          card.metrics?.decisionThresholds ? markdownParagraphs(card.metrics.decisionThresholds) : '',
        ]),
      ]),
      ...section(3, 'Results', [
        ...tableBlock(tables.unitary, 'By group'),
        ...tableBlock(tables.intersectional, 'By intersection'),
        card.quantitativeAnalyses?.notes ? markdownParagraphs(card.quantitativeAnalyses.notes) : '',
      ]),
    ]),
    ...section(2, 'Environmental Impact', [
      [
        ...field(FIELD_LABELS.hardwareType, impact.hardwareType),
        ...field(FIELD_LABELS.hoursUsed, impact.hoursUsed),
        ...field(FIELD_LABELS.cloudProvider, impact.cloudProvider),
        ...field(FIELD_LABELS.computeRegion, impact.computeRegion),
        ...field(FIELD_LABELS.carbonEmittedKg, impact.carbonEmittedKg),
        ...field(FIELD_LABELS.energyKwh, impact.energyKwh),
      ].join('\n'),
    ]),
    ...section(2, 'Citation', [m.citation ? fence(m.citation) : '']),
    ...section(
      2,
      EXTRA_HEADING,
      Object.entries(card.extra ?? {}).map(
        ([key, value]) =>
          `**${markdownInline(key)}**\n\n${fence(typeof value === 'string' ? value : JSON.stringify(value, null, 2))}`,
      ),
    ),
    ...section(2, 'Model Card Authors', [list(card.authors)]),
    ...section(2, 'Model Card Contact', [card.contact ? markdownInline(card.contact) : '']),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
