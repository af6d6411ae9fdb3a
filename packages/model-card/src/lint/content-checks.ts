import { formatPath, type ModelCardSource } from '@rai-audit/core';
import { CARD_CHECKS } from './check-definitions.js';
import type { CardFinding } from './card-finding.js';

const PLACEHOLDERS = [
  /\[more information needed\]/i,
  /\{\{.*?\}\}/,
  /\b(TODO|TBD|FIXME|XXX)\b/,
  /lorem ipsum/i,
  /<(insert|fill|your)[^>]*>/i,
];

/** Pipeline tags of models that generate content: their cards must state output terms. */
const GENERATIVE_TAGS = new Set([
  'text-generation',
  'text2text-generation',
  'text-to-image',
  'image-to-image',
  'text-to-speech',
  'text-to-audio',
  'text-to-video',
  'image-text-to-text',
  'image-to-text',
  'summarization',
  'translation',
  'unconditional-image-generation',
]);

export function isGenerative(card: ModelCardSource): boolean {
  return card.model.generative ?? GENERATIVE_TAGS.has(card.huggingFace?.pipelineTag ?? '');
}

function strings(value: unknown, path: PropertyKey[], out: Array<{ path: string; text: string }>): void {
  if (typeof value === 'string') out.push({ path: formatPath(path), text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => strings(item, [...path, index], out));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      if (key !== 'extra') strings(child, [...path, key], out);
}

function presence(
  id: string,
  ok: boolean,
  field: string,
  present: string,
  missing: string,
  remediation: string,
): CardFinding {
  return {
    id,
    outcome: ok ? 'pass' : 'fail',
    message: ok ? present : missing,
    subject: { field },
    remediation,
  };
}

/** Sections that must be there and hold real text. */
export function contentFindings(card: ModelCardSource, hasEvaluation: boolean): CardFinding[] {
  const use = card.intendedUse ?? {};
  const required: Array<[string, boolean]> = [
    ['model.description', Boolean(card.model.description?.trim())],
    ['model.license', Boolean(card.model.license?.trim())],
    ['model.owners', Boolean(card.model.owners?.length)],
    ['trainingData', Boolean(card.trainingData?.length)],
    ['evaluationData', Boolean(card.evaluationData?.length) || hasEvaluation],
  ];
  const findings: CardFinding[] = required.map(([field, ok]) =>
    presence(
      CARD_CHECKS.requiredSections,
      ok,
      field,
      `${field} is stated`,
      `${field} is missing`,
      `Fill in ${field} in the card source`,
    ),
  );
  const texts: Array<{ path: string; text: string }> = [];
  strings(card, [], texts);
  const placeholders = texts.filter((t) => PLACEHOLDERS.some((pattern) => pattern.test(t.text)));
  findings.push(
    ...(placeholders.length === 0
      ? [presence(CARD_CHECKS.placeholders, true, '(card)', 'no placeholder text', '', '')]
      : placeholders.map((t) =>
          presence(
            CARD_CHECKS.placeholders,
            false,
            t.path,
            '',
            `${t.path} still holds placeholder text: "${t.text.slice(0, 60)}"`,
            `Replace the placeholder in ${t.path} with what is true of the model`,
          ),
        )),
    presence(
      CARD_CHECKS.intendedUses,
      Boolean(use.primaryUses?.length),
      'intendedUse.primaryUses',
      'intended uses stated',
      'no intended use stated',
      'List the uses the model is meant for under intendedUse.primaryUses',
    ),
    presence(
      CARD_CHECKS.intendedUses,
      Boolean(use.outOfScopeUses?.length),
      'intendedUse.outOfScopeUses',
      'out-of-scope uses stated',
      'no out-of-scope use stated',
      'List what the model must not be used for under intendedUse.outOfScopeUses',
    ),
    presence(
      CARD_CHECKS.limitations,
      Boolean(card.limitations?.length),
      'limitations',
      `${card.limitations?.length ?? 0} limitation(s) stated`,
      'no known limitation stated',
      'State at least one known limitation under limitations',
    ),
    presence(
      CARD_CHECKS.ethics,
      Boolean(card.ethicalConsiderations?.length),
      'ethicalConsiderations',
      `${card.ethicalConsiderations?.length ?? 0} ethical consideration(s) stated`,
      'no ethical consideration stated',
      'State at least one risk and its mitigation under ethicalConsiderations',
    ),
  );
  if (!isGenerative(card)) {
    findings.push({
      id: CARD_CHECKS.outputTerms,
      outcome: 'not-applicable',
      message: 'the model is not generative',
      subject: { field: 'outputTerms' },
      remediation: 'Set model.generative: true if the model generates content',
    });
  } else {
    const terms = card.outputTerms ?? {};
    const missing = [
      terms.ownership ? '' : 'ownership',
      terms.license ? '' : 'license',
      terms.trainingOtherModels && terms.trainingOtherModels !== 'unspecified' ? '' : 'trainingOtherModels',
    ].filter(Boolean);
    findings.push(
      presence(
        CARD_CHECKS.outputTerms,
        missing.length === 0,
        'outputTerms',
        'output terms stated',
        `output terms of a generative model are missing: ${missing.join(', ')}`,
        'State under outputTerms who owns the outputs, their licence and whether they may train other models',
      ),
    );
  }
  return findings;
}
