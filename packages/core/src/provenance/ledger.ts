import { z } from 'zod';
import { TrainingPermissionStatusSchema } from '../sections/data-provenance.js';

const DateText = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
    'expected a date such as 2024-05-31',
  )
  .describe('ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time)');

export const LedgerSourceSchema = z
  .object({
    url: z.string().optional(),
    retrieved: DateText.optional().describe('When the files were fetched from the source'),
    creator: z.string().optional(),
    publisher: z.string().optional(),
    license: z.string().optional().describe('The licence the source states, when it differs per source'),
  })
  .strict();

export const LedgerDatasetSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"')
      .describe('Unique name of the dataset'),
    description: z.string().optional(),
    paths: z
      .array(z.string())
      .default([])
      .describe('Tracked files and folders, relative to the ledger (written by `rai-audit data add`)'),
    ignore: z.array(z.string()).default([]).describe('Glob patterns left out when walking a folder'),
    sources: z.array(LedgerSourceSchema).default([]),
    license: z
      .string()
      .optional()
      .describe('SPDX expression (Hugging Face ids and common names are accepted)'),
    licenseText: z.string().optional().describe('The original licence wording, when it has no SPDX id'),
    licenseUrl: z.string().optional(),
    collection: z
      .object({
        method: z.string().optional(),
        start: DateText.optional(),
        end: DateText.optional(),
      })
      .strict()
      .optional(),
    consent: z
      .object({
        basis: z.string().optional().describe('e.g. consent, contract, legitimate interest, public data'),
        scope: z.string().optional(),
      })
      .strict()
      .optional(),
    personalData: z
      .object({
        present: z.enum(['yes', 'no', 'unknown']),
        categories: z.array(z.string()).default([]),
        sensitive: z.array(z.string()).default([]).describe('Special categories (health, ethnicity, …)'),
      })
      .strict()
      .optional(),
    trainingPermission: z
      .object({
        status: TrainingPermissionStatusSchema,
        source: z
          .string()
          .optional()
          .describe('Where that came from: terms URL, robots.txt, TDM reservation'),
        note: z.string().optional(),
      })
      .strict()
      .optional(),
    usedFor: z
      .array(z.enum(['training', 'fine-tuning', 'evaluation', 'testing', 'other']))
      .default([])
      .describe('How the model uses the dataset'),
    biases: z.array(z.string()).default([]),
    limitations: z.array(z.string()).default([]),
    intendedUses: z.array(z.string()).default([]),
    lineage: z
      .object({
        derivedFrom: z.array(z.string()).default([]).describe('Names of the datasets it was made from'),
        transformation: z.string().optional(),
        tool: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type LedgerDataset = z.infer<typeof LedgerDatasetSchema>;

export const ProvenanceLedgerSchema = z
  .object({
    version: z.literal(1).describe('Ledger format version'),
    intendedUse: z.enum(['commercial', 'non-commercial', 'research']).optional(),
    model: z
      .object({ name: z.string().optional(), license: z.string().optional() })
      .strict()
      .optional()
      .describe('The model trained on these datasets, for licence conflicts'),
    datasets: z.array(LedgerDatasetSchema).default([]),
  })
  .strict()
  .describe('rai-audit provenance ledger (provenance.yaml): where every dataset came from, edited by people');
export type ProvenanceLedger = z.infer<typeof ProvenanceLedgerSchema>;
