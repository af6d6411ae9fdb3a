import { z } from 'zod';

/**
 * The README front matter the Hugging Face Hub reads, written from the Hub's metadata spec (hub-docs modelcard.md:
 * license, license_name/link, datasets, base_model, model-index, …). No JSON Schema is published (the Hub validates
 * on push), so this schema is the project's reading of the spec; `model-index` is strict, since what it drops
 * silently is exactly what a card author needs to hear about.
 */
const stringOrList = z.union([z.string(), z.array(z.string())]);

export const HubEvalMetricSchema = z
  .object({
    type: z.string().min(1).describe('Required: metric id, e.g. accuracy'),
    value: z.number().describe('Required: the value; the Hub drops non-numeric values'),
    name: z.string().optional(),
    config: z.string().optional(),
    args: z.record(z.string(), z.unknown()).optional(),
    verifyToken: z.string().optional(),
  })
  .strict();

export const HubEvalResultSchema = z
  .object({
    task: z.object({ type: z.string().min(1), name: z.string().optional() }).strict(),
    dataset: z
      .object({
        type: z.string().min(1),
        name: z.string().min(1),
        config: z.string().optional(),
        split: z.string().optional(),
        revision: z.string().optional(),
        args: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    metrics: z.array(HubEvalMetricSchema).min(1),
    source: z
      .object({ name: z.string().optional(), url: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
export type HubEvalResult = z.infer<typeof HubEvalResultSchema>;

export const HubModelIndexSchema = z.array(
  z.object({ name: z.string().min(1), results: z.array(HubEvalResultSchema) }).strict(),
);

export const HubFrontMatterSchema = z.looseObject({
  language: stringOrList.optional(),
  license: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.+-]*$/, 'a Hub licence id is lower case, e.g. apache-2.0')
    .optional(),
  license_name: z.string().optional(),
  license_link: z.string().optional(),
  library_name: z.string().optional(),
  pipeline_tag: z.string().optional(),
  tags: z.array(z.string()).optional(),
  datasets: z.array(z.string()).optional(),
  metrics: z.array(z.string()).optional(),
  base_model: stringOrList.optional(),
  'model-index': HubModelIndexSchema.optional(),
  co2_eq_emissions: z
    .looseObject({
      emissions: z.number().describe('grams of CO2 equivalent'),
      source: z.string().optional(),
      training_type: z.string().optional(),
      geographical_location: z.string().optional(),
      hardware_used: z.string().optional(),
    })
    .optional(),
});
export type HubFrontMatter = z.infer<typeof HubFrontMatterSchema>;
