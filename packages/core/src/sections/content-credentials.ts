import { z } from 'zod';

export const C2paStateSchema = z.enum(['Invalid', 'Valid', 'Trusted']);
export type C2paState = z.infer<typeof C2paStateSchema>;

export const C2paStatusCodeSchema = z
  .object({
    code: z.string().describe('c2pa-rs status code, e.g. assertion.dataHash.mismatch'),
    kind: z.enum(['success', 'informational', 'failure']),
    scope: z.enum(['active', 'ingredient']),
    explanation: z.string().optional(),
  })
  .strict();
export type C2paStatusCode = z.infer<typeof C2paStatusCodeSchema>;

export const AssetC2paSchema = z
  .object({
    outcome: z.enum(['manifest', 'no-manifest', 'remote-manifest', 'error']),
    embedded: z.boolean().optional(),
    remoteUrl: z.string().optional().describe('A remote manifest, reported and never fetched unless allowed'),
    state: C2paStateSchema.optional(),
    codes: z.array(C2paStatusCodeSchema),
    signer: z
      .object({
        issuer: z.string().optional(),
        commonName: z.string().optional(),
        time: z.string().optional(),
      })
      .strict()
      .optional(),
    claimGenerator: z.string().optional(),
    actions: z.array(z.string()).describe('Action names of the active manifest'),
    ingredients: z.number().int().nonnegative(),
    reason: z.string().optional().describe('Why there is no verdict (outcome error)'),
  })
  .strict();
export type AssetC2pa = z.infer<typeof AssetC2paSchema>;

export const AiDeclarationSourceSchema = z.enum(['c2pa-active', 'c2pa-ingredient', 'xmp']);

export const AssetDeclarationSchema = z
  .object({
    verdict: z.enum(['ai-generated', 'composite-with-ai', 'not-declared', 'conflicting']),
    sources: z.array(
      z.object({ source: AiDeclarationSourceSchema, digitalSourceTypes: z.array(z.string()) }).strict(),
    ),
    conflicts: z.array(z.string()).describe('Which sources disagree, in words'),
  })
  .strict();
export type AssetDeclaration = z.infer<typeof AssetDeclarationSchema>;

export const AssetWatermarkSchema = z
  .object({
    status: z
      .enum(['found', 'not found', 'skipped'])
      .describe('"not found", never "absent": the mark is fragile'),
    payload: z.string().optional().describe('Name or hex of the payload found'),
    bitsMatched: z.number().int().nonnegative().optional(),
    bits: z.number().int().positive().optional(),
    pValue: z.number().optional(),
    reason: z.string().optional().describe('Why detection was skipped (not an image, too large, too small)'),
  })
  .strict();
export type AssetWatermark = z.infer<typeof AssetWatermarkSchema>;

const TrainingMiningSchema = z.enum(['allowed', 'notAllowed', 'constrained']);

export const AssetTermsSchema = z
  .object({
    c2pa: z
      .object({
        author: z.string().optional(),
        copyrightHolder: z.string().optional(),
        license: z.string().optional(),
        trainingMining: TrainingMiningSchema.optional().describe('The strictest training/mining entry'),
      })
      .strict()
      .optional()
      .describe('From the active manifest: CreativeWork and training-mining assertions'),
    xmp: z
      .object({
        author: z.string().optional(),
        copyright: z.string().optional(),
        license: z.string().optional(),
        trainingMining: TrainingMiningSchema.optional(),
      })
      .strict()
      .optional()
      .describe('From XMP: dc:creator, dc:rights, xmpRights:WebStatement, plus:DataMining'),
  })
  .strict();
export type AssetTerms = z.infer<typeof AssetTermsSchema>;

export const AssetResultSchema = z
  .object({
    path: z.string().describe('Relative to the verified folder, forward slashes'),
    size: z.number().int().nonnegative(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    mediaType: z.string().nullable().describe('Detected from the content, not the file name'),
    status: z.enum(['verified', 'error']),
    error: z.object({ reason: z.string(), message: z.string() }).strict().optional(),
    thumbnail: z
      .string()
      .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/)
      .optional()
      .describe('A small preview embedded as a data URI'),
    c2pa: AssetC2paSchema.optional(),
    declaration: AssetDeclarationSchema.optional(),
    watermark: AssetWatermarkSchema.optional(),
    terms: AssetTermsSchema.optional().describe('Authorship, copyright, licence and training permission'),
    rules: z.array(z.string()).describe('The policy globs that matched the asset'),
  })
  .strict();
export type AssetResult = z.infer<typeof AssetResultSchema>;

export const ContentCredentialsSectionSchema = z
  .object({
    kind: z.literal('content-credentials'),
    id: z.string(),
    title: z.string(),
    root: z.string().describe('The folder (or file) verified, as given'),
    settings: z
      .object({
        at: z.string().nullable().describe('Validation time (ISO 8601), or null for the clock'),
        trustAnchors: z.string().nullable(),
        allowNetwork: z.boolean(),
        workers: z.number().int().positive(),
        timeoutMs: z.number().int().positive(),
        maxPixels: z.number().int().positive(),
      })
      .strict(),
    assets: z.array(AssetResultSchema),
  })
  .strict();
export type ContentCredentialsSection = z.infer<typeof ContentCredentialsSectionSchema>;
