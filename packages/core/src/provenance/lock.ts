import { z } from 'zod';

export const LockedFileSchema = z
  .object({
    size: z.number().int().nonnegative(),
    mtimeMs: z.number().nonnegative().describe('Modification time when hashed; with size, the verify cache'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .describe('null for an imported entry known only by md5, until the next verify'),
    md5: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional()
      .describe('From a DVC import, kept as such'),
  })
  .strict();
export type LockedFile = z.infer<typeof LockedFileSchema>;

export const LockedDatasetSchema = z
  .object({
    digest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .describe(
        'sha256 of the sorted "sha256  path" lines (sha256sum format); null while an entry lacks sha256',
      ),
    files: z.record(z.string(), LockedFileSchema).describe('By path relative to the ledger, forward slashes'),
    pending: z
      .array(z.string())
      .default([])
      .describe('Imported folders whose files are listed on the next verify (DVC .dir entries)'),
  })
  .strict();
export type LockedDataset = z.infer<typeof LockedDatasetSchema>;

export const ProvenanceLockSchema = z
  .object({
    lockVersion: z.literal(1),
    generatedBy: z.string(),
    datasets: z.record(z.string(), LockedDatasetSchema),
    integrity: z
      .string()
      .regex(/^sha256-[0-9a-f]{64}$/)
      .describe('sha256 of the JSON of `datasets` as written: a hand edit is detected'),
  })
  .strict()
  .describe('rai-audit provenance lock (provenance.lock.json): written by the tool, never by hand');
export type ProvenanceLock = z.infer<typeof ProvenanceLockSchema>;
