import { z } from 'zod';

/**
 * The card source: the one small file a team edits by hand (`model-card.yaml`), with the sections of "Model Cards
 * for Model Reporting" (Mitchell et al., 2019), the terms of the model's outputs, Hugging Face metadata and
 * environmental impact. Objects are loose: a key rai-audit does not know is kept (and warned about), never dropped.
 */
const text = z.string();
const texts = z.array(z.string());

export const CardOwnerSchema = z.looseObject({
  name: text,
  contact: text.optional().describe('E-mail address or URL'),
});

export const CardDatasetSchema = z
  .looseObject({
    name: text,
    description: text.optional(),
    path: text.optional().describe('The data file, relative to the card: its sha256 is compared with audits'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .describe('sha256 of the data file as recorded (hex)'),
    source: text.optional().describe('Where the data came from: a URL or a description'),
    hubId: text.optional().describe('Hugging Face dataset id, e.g. imdb or org/name'),
    license: text.optional().describe('SPDX expression, e.g. CC-BY-4.0'),
    collection: text.optional().describe('How the data was collected and preprocessed'),
    split: text.optional(),
  })
  .describe('A training or evaluation dataset');
export type CardDataset = z.infer<typeof CardDatasetSchema>;

export const OutputTermsSchema = z
  .looseObject({
    ownership: text.optional().describe('Who owns what the model generates'),
    license: text.optional().describe('Licence of the outputs, as an SPDX expression, or a sentence'),
    restrictions: texts.optional().describe('Restrictions on the use of outputs'),
    trainingOtherModels: z
      .enum(['allowed', 'not-allowed', 'conditional', 'unspecified'])
      .optional()
      .describe('Whether outputs may be used to train other models'),
    conditions: text.optional().describe('The conditions, when trainingOtherModels is conditional'),
  })
  .describe('Terms of what the model generates: required for generative models');
export type OutputTerms = z.infer<typeof OutputTermsSchema>;

export const ModelCardSourceSchema = z
  .looseObject({
    model: z.looseObject({
      name: text.min(1),
      id: text.optional().describe('Hub repository id, e.g. org/credit-scorer'),
      version: text.optional(),
      date: text.optional().describe('Release date, YYYY-MM-DD'),
      type: text.optional().describe('e.g. binary classifier, text generation'),
      generative: z.boolean().optional().describe('The model generates content: output terms are required'),
      architecture: text.optional(),
      description: text.optional(),
      owners: z.array(CardOwnerSchema).optional(),
      license: text.optional().describe('SPDX expression, e.g. Apache-2.0 or "MIT OR Apache-2.0"'),
      licenseName: text
        .optional()
        .describe('Name of a licence that has no SPDX id (the expression then reads LicenseRef-…)'),
      licenseLink: text.optional(),
      references: texts.optional(),
      citation: text.optional().describe('BibTeX or a citation line'),
    }),
    intendedUse: z
      .looseObject({
        primaryUses: texts.optional(),
        primaryUsers: texts.optional(),
        downstreamUses: texts.optional(),
        outOfScopeUses: texts.optional(),
      })
      .optional(),
    factors: z
      .looseObject({
        relevant: z
          .array(
            z.looseObject({
              attribute: text.describe('The attribute (column) of the audits, e.g. sex'),
              groups: texts.optional().describe('The groups the card reports metrics for'),
              description: text.optional(),
            }),
          )
          .optional(),
        instrumentation: text.optional(),
        environment: text.optional(),
      })
      .optional(),
    metrics: z
      .looseObject({
        measures: texts.optional().describe('Metric ids, e.g. accuracy, selection_rate, tpr'),
        decisionThresholds: text.optional(),
        variationApproaches: text.optional(),
        headline: texts.optional().describe('Metric ids reported in the Hub model-index (default: accuracy)'),
      })
      .optional(),
    evaluationData: z.array(CardDatasetSchema).optional(),
    trainingData: z.array(CardDatasetSchema).optional(),
    trainingProcedure: text.optional(),
    quantitativeAnalyses: z
      .looseObject({
        notes: text.optional(),
        minGroupSize: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe('Smaller groups are flagged (default 30)'),
      })
      .optional(),
    ethicalConsiderations: z.array(z.looseObject({ risk: text, mitigation: text.optional() })).optional(),
    fairnessAssessments: z
      .array(
        z.looseObject({
          groupAtRisk: text,
          benefits: text.optional(),
          harms: text.optional(),
          mitigation: text.optional(),
        }),
      )
      .optional(),
    caveats: texts.optional(),
    limitations: texts.optional(),
    recommendations: texts.optional(),
    outputTerms: OutputTermsSchema.optional(),
    huggingFace: z
      .looseObject({
        libraryName: text.optional(),
        pipelineTag: text.optional(),
        tags: texts.optional(),
        language: texts.optional(),
        baseModel: z.union([text, texts]).optional(),
        datasets: texts.optional(),
      })
      .optional(),
    environmentalImpact: z
      .looseObject({
        hardwareType: text.optional(),
        hoursUsed: z.number().nonnegative().optional(),
        cloudProvider: text.optional(),
        computeRegion: text.optional(),
        carbonEmittedKg: z.number().nonnegative().optional(),
        energyKwh: z.number().nonnegative().optional(),
      })
      .optional(),
    authors: texts.optional().describe('Who wrote the card'),
    contact: text.optional(),
    extra: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Imported content rai-audit could not map: kept verbatim, shown in a marked block'),
  })
  .describe('rai-audit model card source (model-card.yaml)');
export type ModelCardSource = z.infer<typeof ModelCardSourceSchema>;
