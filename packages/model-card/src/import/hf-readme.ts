import type { CardDataset, ModelCardSource } from '@rai-audit/core';
import { EXTRA_HEADING, FIELD_LABELS } from '../hub/readme-body.js';
import { importFrontMatter } from './hf-front-matter.js';
import { headingKey, splitFrontMatter, splitSections, type MarkdownSection } from './hf-sections.js';
import { emptyLossReport, type LossReport } from './loss-report.js';
import {
  codeBlock,
  labelledFields,
  listItems,
  paragraphs,
  plainItems,
  rawMarkdown,
  unescapeMarkdown,
} from './markdown-fields.js';

type Card = ModelCardSource;
type Handler = (section: MarkdownSection, card: Card, loss: LossReport) => void;

const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length ? items : undefined);

function datasets(section: MarkdownSection): CardDataset[] {
  return listItems(section.tokens).map((item) => {
    const match = /^\*\*(.+?)\*\*(?::\s*(.*))?$/s.exec(item);
    const name = unescapeMarkdown(match?.[1] ?? item);
    const details = new Map(
      unescapeMarkdown(match?.[2] ?? '')
        .split('; ')
        .map((part) => part.split(': '))
        .filter((pair) => pair.length >= 2)
        .map(([key, ...rest]) => [key as string, rest.join(': ')]),
    );
    const sha = details.get('sha256');
    return {
      name,
      ...(details.get('source') ? { source: details.get('source') } : {}),
      ...(details.get('licence') ? { license: details.get('licence') } : {}),
      ...(details.get('collection') ? { collection: details.get('collection') } : {}),
      ...(sha && /^[0-9a-f]{64}$/.test(sha) ? { sha256: sha } : {}),
      ...(details.get('path') ? { path: details.get('path') } : {}),
      ...(details.get('hub id') ? { hubId: details.get('hub id') } : {}),
      ...(details.get('split') ? { split: details.get('split') } : {}),
    };
  });
}

function modelDescription(section: MarkdownSection, card: Card): void {
  const f = labelledFields(section.tokens);
  const m = card.model;
  const owners = f.get(FIELD_LABELS.owners);
  if (owners)
    m.owners = owners.split(', ').map((o) => {
      const match = /^(.*?) <(.+)>$/.exec(o);
      return match ? { name: match[1] as string, contact: match[2] as string } : { name: o };
    });
  if (f.get(FIELD_LABELS.id)) m.id = f.get(FIELD_LABELS.id);
  if (f.get(FIELD_LABELS.type)) m.type = f.get(FIELD_LABELS.type);
  if (f.get(FIELD_LABELS.license) && !m.license) m.license = f.get(FIELD_LABELS.license);
  if (f.get(FIELD_LABELS.version)) m.version = f.get(FIELD_LABELS.version);
  if (f.get(FIELD_LABELS.date)) m.date = f.get(FIELD_LABELS.date);
  if (f.get(FIELD_LABELS.architecture)) m.architecture = f.get(FIELD_LABELS.architecture);
  const text = paragraphs(section.tokens);
  if (text) m.description = m.description ? `${m.description}\n\n${text}` : text;
}

function outputTerms(section: MarkdownSection, card: Card): void {
  const f = labelledFields(section.tokens);
  const training = f.get(FIELD_LABELS.trainingOtherModels);
  card.outputTerms = {
    ...(f.get(FIELD_LABELS.ownership) ? { ownership: f.get(FIELD_LABELS.ownership) } : {}),
    ...(f.get(FIELD_LABELS.outputLicense) ? { license: f.get(FIELD_LABELS.outputLicense) } : {}),
    ...(training && ['allowed', 'not-allowed', 'conditional', 'unspecified'].includes(training)
      ? { trainingOtherModels: training as 'allowed' }
      : {}),
    ...(f.get(FIELD_LABELS.conditions) ? { conditions: f.get(FIELD_LABELS.conditions) } : {}),
    ...(plainItems(section.tokens).length ? { restrictions: plainItems(section.tokens) } : {}),
  };
}

function environmental(section: MarkdownSection, card: Card): void {
  const f = labelledFields(section.tokens);
  const num = (label: string): number | undefined => {
    const v = Number.parseFloat(f.get(label) ?? '');
    return Number.isFinite(v) ? v : undefined;
  };
  const impact = {
    ...card.environmentalImpact,
    ...(f.get(FIELD_LABELS.hardwareType) ? { hardwareType: f.get(FIELD_LABELS.hardwareType) } : {}),
    ...(num(FIELD_LABELS.hoursUsed) !== undefined ? { hoursUsed: num(FIELD_LABELS.hoursUsed) } : {}),
    ...(f.get(FIELD_LABELS.cloudProvider) ? { cloudProvider: f.get(FIELD_LABELS.cloudProvider) } : {}),
    ...(f.get(FIELD_LABELS.computeRegion) ? { computeRegion: f.get(FIELD_LABELS.computeRegion) } : {}),
    ...(num(FIELD_LABELS.carbonEmittedKg) !== undefined
      ? { carbonEmittedKg: num(FIELD_LABELS.carbonEmittedKg) }
      : {}),
    ...(num(FIELD_LABELS.energyKwh) !== undefined ? { energyKwh: num(FIELD_LABELS.energyKwh) } : {}),
  };
  if (Object.keys(impact).length) card.environmentalImpact = impact;
}

const HANDLERS: Record<string, Handler> = {
  'model details': (s, card) => modelDescription(s, card),
  'model description': (s, card) => modelDescription(s, card),
  'model sources': (s, card) => {
    card.model.references = nonEmpty(plainItems(s.tokens));
  },
  uses: () => undefined,
  'direct use': (s, card) => {
    const users = labelledFields(s.tokens).get(FIELD_LABELS.primaryUsers);
    card.intendedUse = {
      ...card.intendedUse,
      primaryUses:
        nonEmpty(plainItems(s.tokens)) ??
        (paragraphs(s.tokens) ? [paragraphs(s.tokens) as string] : undefined),
      ...(users ? { primaryUsers: users.split('; ') } : {}),
    };
  },
  'downstream use': (s, card) => {
    card.intendedUse = {
      ...card.intendedUse,
      downstreamUses:
        nonEmpty(plainItems(s.tokens)) ??
        (paragraphs(s.tokens) ? [paragraphs(s.tokens) as string] : undefined),
    };
  },
  'out of scope use': (s, card) => {
    card.intendedUse = {
      ...card.intendedUse,
      outOfScopeUses:
        nonEmpty(plainItems(s.tokens)) ??
        (paragraphs(s.tokens) ? [paragraphs(s.tokens) as string] : undefined),
    };
  },
  'output terms': (s, card) => outputTerms(s, card),
  'bias risks and limitations': (s, card) => {
    card.limitations =
      nonEmpty(plainItems(s.tokens)) ?? (paragraphs(s.tokens) ? [paragraphs(s.tokens) as string] : undefined);
  },
  'ethical considerations': (s, card) => {
    card.ethicalConsiderations = plainItems(s.tokens).map((item) => {
      const [risk, mitigation] = item.split(' Mitigation: ');
      return { risk: risk as string, ...(mitigation ? { mitigation } : {}) };
    });
  },
  caveats: (s, card) => {
    card.caveats = nonEmpty(plainItems(s.tokens));
  },
  recommendations: (s, card) => {
    card.recommendations =
      nonEmpty(plainItems(s.tokens)) ?? (paragraphs(s.tokens) ? [paragraphs(s.tokens) as string] : undefined);
  },
  'training details': () => undefined,
  'training data': (s, card) => {
    card.trainingData = nonEmpty(datasets(s));
    if (!card.trainingData && paragraphs(s.tokens))
      card.trainingData = [{ name: 'training data', description: paragraphs(s.tokens) }];
  },
  'training procedure': (s, card) => {
    card.trainingProcedure = paragraphs(s.tokens);
  },
  evaluation: () => undefined,
  'testing data factors metrics': () => undefined,
  'testing data': (s, card) => {
    card.evaluationData = nonEmpty(datasets(s));
  },
  factors: (s, card) => {
    const relevant = listItems(s.tokens).flatMap((item) => {
      const match = /^\*\*(.+?)\*\*(?::\s*([^.]*))?(?:\.\s*(.*))?$/s.exec(item);
      if (!match) return [];
      return [
        {
          attribute: unescapeMarkdown(match[1] as string),
          ...(match[2] ? { groups: unescapeMarkdown(match[2]).split(', ') } : {}),
          ...(match[3] ? { description: unescapeMarkdown(match[3]) } : {}),
        },
      ];
    });
    if (relevant.length) card.factors = { ...card.factors, relevant };
  },
  metrics: (s, card) => {
    card.metrics = {
      ...card.metrics,
      ...(plainItems(s.tokens).length ? { measures: plainItems(s.tokens) } : {}),
      ...(paragraphs(s.tokens) ? { decisionThresholds: paragraphs(s.tokens) } : {}),
    };
  },
  'environmental impact': (s, card) => environmental(s, card),
  citation: (s, card) => {
    card.model.citation = codeBlock(s.tokens) ?? paragraphs(s.tokens);
  },
  'model card authors': (s, card) => {
    card.authors = nonEmpty(plainItems(s.tokens));
  },
  'model card contact': (s, card) => {
    card.contact = paragraphs(s.tokens);
  },
};

function extraBlock(section: MarkdownSection, card: Card): void {
  let key: string | undefined;
  for (const token of section.tokens) {
    if (token.type === 'paragraph') key = unescapeMarkdown(token.text).replace(/^\*\*|\*\*$/g, '');
    else if (token.type === 'code' && key) card.extra = { ...card.extra, [key]: token.text };
  }
}

/** Reads a Hugging Face README.md into a card source; never throws on messy Markdown. */
export function importHfReadme(text: string): { card: Card; loss: LossReport } {
  const loss = emptyLossReport();
  const { frontMatter, body } = splitFrontMatter(text);
  const card: Card = { model: { name: '' } };
  if (frontMatter !== undefined) importFrontMatter(frontMatter, card, loss);
  else
    loss.lost.push({
      field: 'front matter',
      reason: 'the README has none: licence and Hub metadata are not stated',
    });
  for (const section of splitSections(body)) {
    const key = headingKey(section.title);
    if (section.depth === 1 && !card.model.name) {
      card.model.name = section.title.replace(/^model card for\s+/i, '').trim() || 'unnamed model';
      const intro = paragraphs(section.tokens);
      if (intro) card.model.description = intro;
      continue;
    }
    if (section.title === EXTRA_HEADING) {
      extraBlock(section, card);
      continue;
    }
    if (key === 'results' || key === 'summary') {
      if (/\*\*By (group|intersection)\*\*/.test(rawMarkdown(section.tokens)))
        loss.regenerated.push(`${section.trail} (results tables)`);
      else if (section.tokens.length)
        keep(section, card, loss, 'results are rebuilt from audits given to card build');
      continue;
    }
    const handler = HANDLERS[key];
    if (handler) {
      handler(section, card, loss);
      continue;
    }
    if (section.tokens.length > 0) keep(section, card, loss, 'no card field for this heading');
  }
  if (!card.model.name) {
    card.model.name = 'unnamed model';
    loss.lost.push({ field: 'model.name', reason: 'no level-1 heading names the model' });
  }
  return { card, loss };
}

function keep(section: MarkdownSection, card: Card, loss: LossReport, why: string): void {
  const key = section.trail || '(before the first heading)';
  card.extra = { ...card.extra, [key]: rawMarkdown(section.tokens) };
  loss.keptInExtra.push(`${key} (${why})`);
}
