import { z } from 'zod';
import { AssetRequirementsSchema, PolicyFileSchema } from '../policy.js';

/*
 * rai-audit.yaml: one file in the repository that describes the model, its data, its assets and the policy, so
 * that `rai-audit run` performs every audit it describes. Paths are relative to the folder of the config file.
 * Each block mirrors the options of its command (`rai-audit bias`, `card build`, `data verify`, `assets verify`):
 * the run is the commands' own code paths, fed from here instead of from flags.
 */

const stringList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const columnList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** One bias audit: the options of `rai-audit bias`, by the flags' names in camelCase. */
export const BiasAuditConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes and underscores')
      .optional()
      .describe('Names the audit in the report when there are several (default: bias, bias-2, …)'),
    data: stringList
      .optional()
      .describe('Data file(s), globs or a folder of Parquet parts (CSV, TSV, Parquet, JSON, NDJSON)'),
    fromCounts: z
      .string()
      .min(1)
      .optional()
      .describe('A counts table from `rai-audit bias --emit-sql` instead'),
    attributes: columnList.describe('Sensitive attribute column(s)'),
    label: z.string().min(1).describe('Ground-truth column'),
    prediction: z
      .string()
      .min(1)
      .optional()
      .describe('Predicted-class column; without it and score: a dataset audit'),
    positiveLabel: z.string().optional(),
    score: z.string().min(1).optional(),
    threshold: z.number().optional(),
    topK: z.number().int().positive().optional(),
    topPercent: z.number().positive().max(100).optional(),
    thresholds: z
      .string()
      .optional()
      .describe('Per-group cut-offs, as --thresholds: race:White=0.5,Black=0.45'),
    scoreBins: z.number().int().positive().optional(),
    weight: z.string().min(1).optional(),
    intersect: z
      .union([z.literal('all-pairs'), z.array(columnList)])
      .optional()
      .describe('Intersections: all-pairs, or a list such as [[race, sex]]'),
    bins: z.record(z.string(), z.array(z.number()).min(1)).optional().describe('attribute → bucket edges'),
    quantiles: z
      .record(z.string(), z.number().int().min(2))
      .optional()
      .describe('attribute → number of buckets'),
    missing: z.enum(['group', 'drop', 'error']).optional(),
    reference: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .describe('Reference groups as --reference: sex=male, largest, min-metric:fpr'),
    tau: z.number().positive().max(1).optional(),
    minGroupSize: z.number().int().nonnegative().optional(),
    bootstrap: z.number().int().nonnegative().optional(),
    seed: z.number().int().optional(),
    level: z.number().positive().lt(1).optional(),
    expectedShares: z
      .record(z.string(), z.record(z.string(), z.number().nonnegative()))
      .optional()
      .describe('Dataset audit: attribute → group → expected share'),
    features: columnList.optional().describe('Dataset audit: columns to test as proxies'),
  })
  .strict();
export type BiasAuditConfig = z.infer<typeof BiasAuditConfigSchema>;

/** The model card: the human-edited source, filled from this run's bias and provenance results. */
export const ModelCardConfigSchema = z
  .object({
    card: z
      .string()
      .min(1)
      .describe('The card source (model-card.yaml), as for `rai-audit card build --card`'),
    outputs: z
      .array(z.enum(['readme', 'html', 'cyclonedx']))
      .min(1)
      .optional()
      .describe(
        'Card files written into the run report set: Hub README.md, model-card.html, bom.cdx.json (default: all)',
      ),
  })
  .strict();
export type ModelCardConfig = z.infer<typeof ModelCardConfigSchema>;

/** Training-data provenance: the ledger to verify and the use its licences are checked against. */
export const DataConfigSchema = z
  .object({
    ledger: z.string().min(1).describe('The ledger (provenance.yaml); its lock file sits beside it'),
    intendedUse: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The use licences are checked against, as `rai-audit data licenses --use` (commercial, research…)',
      ),
    full: z.boolean().optional().describe('Re-hash every byte instead of trusting the size/mtime cache'),
    frozen: z
      .boolean()
      .optional()
      .describe('Never rewrite the lock file (as `data verify --frozen`): a drift is reported, not recorded'),
  })
  .strict();
export type DataConfig = z.infer<typeof DataConfigSchema>;

/** Generated assets: what to verify, what to leave out, whom to trust and what each glob must carry. */
export const AssetsConfigSchema = z
  .object({
    paths: stringList.describe('Folders, files or globs to verify'),
    exclude: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs (relative to the verified folder) to leave out'),
    trust: z.array(z.string().min(1)).optional().describe('PEM files of C2PA trust anchors'),
    requirements: z
      .record(z.string().min(1), AssetRequirementsSchema)
      .optional()
      .describe('Glob (relative to the verified folder) → what the matching assets must carry'),
    at: z.string().min(1).optional().describe('Validate signatures as of this ISO 8601 time'),
    allowNetwork: z.boolean().optional().describe('Fetch remote manifests (never otherwise)'),
    watermarkPayloads: z.array(z.string().min(1)).optional().describe('Extra dwtDct payloads, hex'),
  })
  .strict();
export type AssetsConfig = z.infer<typeof AssetsConfigSchema>;

/** The policy: a policy file's keys, with the asset rules, trust anchors and bias columns left to their blocks. */
export const ConfigPolicySchema = PolicyFileSchema.omit({ assets: true, trust: true, bias: true });
export type ConfigPolicy = z.infer<typeof ConfigPolicySchema>;

export const RaiAuditConfigSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors'),
    bias: z
      .union([BiasAuditConfigSchema, z.array(BiasAuditConfigSchema).min(1)])
      .optional()
      .describe('One bias audit, or a list of them'),
    modelCard: ModelCardConfigSchema.optional(),
    data: DataConfigSchema.optional(),
    assets: AssetsConfigSchema.optional(),
    policy: ConfigPolicySchema.optional().describe('Preset, check levels, per-path overrides and waivers'),
  })
  .strict()
  .describe('rai-audit.yaml: the audits `rai-audit run` performs and the policy it applies');
export type RaiAuditConfig = z.infer<typeof RaiAuditConfigSchema>;

/** The file names `rai-audit run` looks for, in order, in each folder from the working directory up. */
export const CONFIG_FILE_NAMES = ['rai-audit.yaml', 'rai-audit.yml', 'rai-audit.json'] as const;
