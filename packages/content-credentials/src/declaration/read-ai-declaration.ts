import type { ContentCredentialsEvidence } from '../c2pa/evidence.js';
import { declareAiGeneration, type AiGenerationDeclaration } from './ai-declaration.js';
import { readXmpDigitalSourceTypes } from './read-xmp.js';

/**
 * The AI-generation declaration of an asset's bytes: reads its XMP labels and combines them with the C2PA
 * evidence already read (`readContentCredentials`), so the manifest is not parsed twice.
 */
export async function readAiGenerationDeclaration(
  bytes: Uint8Array,
  options: { readonly mimeType: string; readonly c2pa?: ContentCredentialsEvidence },
): Promise<AiGenerationDeclaration> {
  const xmp = await readXmpDigitalSourceTypes(bytes, options.mimeType);
  return declareAiGeneration({ c2pa: options.c2pa, xmp });
}
