import { z } from 'zod';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const LicenseTermsSchema = z
  .object({
    commercialUse: z.enum(['allowed', 'not-allowed', 'unknown']),
    attribution: z.enum(['yes', 'no', 'unknown']),
    shareAlike: z.enum(['yes', 'no', 'unknown']),
    noDerivatives: z.enum(['yes', 'no', 'unknown']),
    useRestrictions: z.enum(['yes', 'no', 'unknown']),
    unknownIds: z.array(z.string()).describe('Licence ids whose terms rai-audit does not know'),
  })
  .strict()
  .describe('Obligations of a licence expression (core licenseTerms)');

export const TrainingPermissionStatusSchema = z
  .enum(['allowed', 'not-allowed', 'constrained', 'unknown'])
  .describe('Whether the source allows AI training / text-and-data mining');

export const FileProblemSchema = z
  .object({
    path: z.string().describe('Relative to the ledger, forward slashes'),
    reason: z.enum([
      'outside-root',
      'symlink-loop',
      'unreadable',
      'not-a-regular-file',
      'changed-while-hashing',
      'md5-mismatch',
      'missing-path',
    ]),
    message: z.string(),
  })
  .strict();
export type FileProblem = z.infer<typeof FileProblemSchema>;

export const DatasetDriftSchema = z
  .object({
    status: z
      .enum(['unchanged', 'drifted', 'not-locked', 'error'])
      .describe('not-locked: the dataset has no entry in the lock file yet'),
    changed: z.array(z.string()).describe('Files whose bytes differ from the lock'),
    missing: z.array(z.string()),
    added: z.array(z.string()).describe('Files under a tracked path that the lock does not list'),
    problems: z.array(FileProblemSchema),
    fromCache: z.number().int().nonnegative().describe('Files trusted from size and mtime'),
    hashed: z.number().int().nonnegative().describe('Files whose bytes were read'),
    upgraded: z.number().int().nonnegative().describe('Imported md5-only entries re-hashed to sha256'),
  })
  .strict();
export type DatasetDrift = z.infer<typeof DatasetDriftSchema>;

export const ProvenanceDatasetSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    license: z
      .object({
        declared: z.string().nullable().describe('As written in the ledger'),
        expression: z.string().nullable().describe('Canonical SPDX expression, null when it does not parse'),
        url: z.string().optional(),
      })
      .strict(),
    terms: LicenseTermsSchema.describe('Terms of the dataset licence alone'),
    lineageTerms: LicenseTermsSchema.describe('Most restrictive terms along its lineage'),
    sources: z.array(
      z
        .object({
          url: z.string().optional(),
          retrieved: z.string().optional(),
          creator: z.string().optional(),
          publisher: z.string().optional(),
          license: z.string().optional(),
        })
        .strict(),
    ),
    trainingPermission: TrainingPermissionStatusSchema,
    usedFor: z.array(z.string()).describe('training, evaluation, …'),
    derivedFrom: z.array(z.string()),
    transformation: z.string().optional(),
    digest: Sha256.nullable().describe('sha256 over the sorted "sha256  path" lines of its files'),
    fileCount: z.number().int().nonnegative(),
    totalBytes: z.number().int().nonnegative(),
    drift: DatasetDriftSchema,
  })
  .strict();
export type ProvenanceDataset = z.infer<typeof ProvenanceDatasetSchema>;

export const DataProvenanceSectionSchema = z
  .object({
    kind: z.literal('data-provenance'),
    id: z.string(),
    title: z.string(),
    ledger: z.string().describe('The provenance.yaml verified, as given'),
    mode: z.enum(['cache', 'full']).describe('cache: size/mtime trusted; full: every byte read'),
    intendedUse: z.string().nullable(),
    modelLicense: z.string().nullable(),
    datasets: z.array(ProvenanceDatasetSchema),
    conflicts: z.array(
      z
        .object({
          code: z.string(),
          severity: z.enum(['error', 'warn']),
          subject: z.string(),
          message: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type DataProvenanceSection = z.infer<typeof DataProvenanceSectionSchema>;
