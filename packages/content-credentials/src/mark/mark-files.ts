import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AssetResult } from '@rai-audit/core';
import { InputError } from '@rai-audit/core';
import { gatherAssetEvidence } from '../verify/gather-asset-evidence.js';
import { markAsset, type MarkOptions } from './mark-asset.js';

export interface MarkFileResult {
  readonly input: string;
  readonly output: string;
  readonly mediaType: string;
  readonly hadManifest: boolean;
  /** The marked file as `assets verify` sees it. */
  readonly evidence: AssetResult;
}

/** Why a freshly marked asset does not verify, or undefined when every mark asked for reads back. */
export function markProblems(evidence: AssetResult, options: MarkOptions): string[] {
  const problems: string[] = [];
  const state = evidence.c2pa?.state;
  if (evidence.c2pa?.outcome !== 'manifest' || (state !== 'Valid' && state !== 'Trusted'))
    problems.push(
      `its C2PA manifest reads ${state ?? evidence.c2pa?.outcome ?? 'nothing'} (${(evidence.c2pa?.codes ?? [])
        .filter((c) => c.kind === 'failure' && c.code !== 'signingCredential.untrusted')
        .map((c) => c.code)
        .join(', ')})`,
    );
  if (options.digitalSourceType && evidence.declaration?.verdict === 'not-declared')
    problems.push('its AI-generation declaration does not read back');
  if (options.watermark && evidence.watermark?.status !== 'found')
    problems.push(`its watermark ${options.watermark.name} is not found`);
  return problems;
}

/**
 * Marks `input` into `output`: marks it in memory, verifies the result through the verify pipeline (C2PA valid,
 * the declaration and the watermark read back), and only then writes it atomically (temporary sibling, then
 * rename), so a failure never leaves a partial or unverified file. `trustAnchorsPem` makes the check report Trusted.
 */
export async function markFile(
  input: string,
  output: string,
  options: MarkOptions,
  trustAnchorsPem?: string,
): Promise<MarkFileResult> {
  const bytes = await readFile(input).catch((cause: unknown) => {
    throw new InputError('cannot read the asset', { file: input, hint: 'check the path', cause });
  });
  const marked = await markAsset(new Uint8Array(bytes), input, options).catch((error: unknown) => {
    if (error instanceof InputError || (error as { kind?: string }).kind) throw error;
    const text = String((error as Error).message ?? error);
    // c2pa-rs puts its whole validation report into the message: keep the failures' explanations.
    const failures = [...text.matchAll(/explanation: Some\("([^"]+)"\)[^}]*kind: Failure/g)].map((m) => m[1]);
    const reason = failures.length ? failures.join('; ') : text.slice(0, 300);
    throw new InputError(`cannot mark the asset: ${reason}`, {
      file: input,
      hint: 'check that the file is a complete image; run with --debug for the library error',
      cause: error,
    });
  });
  const evidence = await gatherAssetEvidence(
    {
      path: output,
      absolutePath: output,
      payloads: options.watermark && !options.watermark.known ? [options.watermark.name] : [],
    },
    { trustAnchorsPem, allowNetwork: false, maxPixels: 64_000_000, thumbnailSize: 0 },
    async () => marked.bytes,
  );
  const problems = markProblems(evidence, options);
  if (problems.length)
    throw new InputError(`the marked asset does not verify: ${problems.join('; ')}`, {
      file: input,
      hint: 'nothing was written; report this with the file',
    });
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, marked.bytes, { flag: 'wx' });
    await rename(temp, output);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new InputError('cannot write the marked asset', {
      file: output,
      hint: 'check --out and the free space',
      cause,
    });
  }
  return { input, output, mediaType: marked.mediaType, hadManifest: marked.hadManifest, evidence };
}
