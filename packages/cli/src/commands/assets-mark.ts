import { mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '@rai-audit/core';
import type { CliIo } from '../io.js';
import { displayPath } from '../files.js';
import { toolVersion } from '../version.js';

interface MarkOptions {
  out?: string;
  inPlace?: boolean;
  cert: string;
  key?: string;
  keyEnv?: string;
  trust?: string;
  aiGenerated?: boolean;
  sourceType?: string;
  claimGenerator: string;
  title?: string;
  author?: string;
  copyrightHolder?: string;
  license?: string;
  trainingMining?: string;
  watermark?: string;
}

const AI_GENERATED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const USES = ['allowed', 'notAllowed', 'constrained'];

const MARK_EXAMPLES = `
Examples:
  $ rai-audit assets keygen --out test-keys
  $ rai-audit assets mark out/*.png --out signed --cert test-keys/cert.pem --key test-keys/key.pem \\
      --ai-generated --author "Ada" --copyright-holder "Example Ltd" --license CC-BY-4.0 \\
      --training-mining notAllowed --watermark sdv2 --trust test-keys/ca.pem

Order of operations: watermark (pixels) → XMP (AI label, terms) → C2PA manifest (signed last, so its hash covers
both). Every marked file is verified before it is written; the run fails (exit 3) if one does not verify.
The key comes from --key FILE or --key-env NAME and is never printed.`;

/** Adds `rai-audit assets mark` under the `assets` command. */
export function registerAssetsMark(
  assets: Command,
  io: CliIo,
  done: (result: { exitCode: number }) => void,
): void {
  assets
    .command('mark')
    .summary('label generated images: dwtDct watermark, IPTC AI label and terms in XMP, signed C2PA manifest')
    .argument('<files...>', 'JPEG, PNG, WebP or TIFF images')
    .option('--out <dir>', 'folder for the marked files (same names)')
    .option('--in-place', 'replace the input files (only then may the output be the input)')
    .requiredOption('--cert <chain.pem>', 'signing certificate, then its intermediates (PEM)')
    .option('--key <key.pem>', 'private key of the signing certificate (PEM)')
    .option('--key-env <name>', 'environment variable holding the private key PEM instead of --key')
    .option('--trust <ca.pem>', 'trust anchors for the check of each marked file (reports Trusted)')
    .option('--ai-generated', 'declare generative AI (IPTC trainedAlgorithmicMedia)')
    .option('--source-type <uri>', 'declare another IPTC digital source type')
    .option('--claim-generator <name>', 'the tool named in the manifest', 'rai-audit')
    .option('--title <text>', 'title (default: the file name)')
    .option('--author <name>')
    .option('--copyright-holder <name>')
    .option('--license <spdx|url>', 'an SPDX identifier (CC-BY-4.0) or a licence URL')
    .option('--training-mining <use>', `AI training and data mining: ${USES.join(', ')}`)
    .option('--watermark <payload>', 'embed a dwtDct watermark: sdv1, sdv2, sdxl, flux, hex or 0b bits')
    .addHelpText('after', MARK_EXAMPLES)
    .exitOverride()
    .action(async (files: string[], options: MarkOptions) => {
      done({ exitCode: await runAssetsMark(io, files, options) });
    });
}

async function runAssetsMark(io: CliIo, files: string[], options: MarkOptions): Promise<number> {
  if (options.aiGenerated && options.sourceType)
    throw new UsageError('give --ai-generated or --source-type, not both', {
      hint: '--ai-generated is --source-type trainedAlgorithmicMedia',
    });
  if (!options.aiGenerated && !options.sourceType)
    throw new UsageError('say what made the assets: --ai-generated, or --source-type URI', {
      hint: 'c2pa-rs requires a digital source type on the c2pa.created action (e.g. --source-type digitalCapture)',
    });
  if (!options.out && !options.inPlace)
    throw new UsageError('say where the marked files go: --out DIR, or --in-place', {
      hint: 'for example --out signed',
    });
  if (options.trainingMining && !USES.includes(options.trainingMining))
    throw new UsageError(
      `--training-mining must be one of ${USES.join(', ')}, got "${options.trainingMining}"`,
    );
  const credentials = await import('@rai-audit/content-credentials');
  const digitalSourceType = options.aiGenerated
    ? AI_GENERATED
    : options.sourceType
      ? credentials.normalizeDigitalSourceType(options.sourceType)
      : undefined;
  if (options.sourceType && !digitalSourceType)
    throw new UsageError(`--source-type "${options.sourceType}" is not an IPTC digital source type`, {
      hint: 'use a URI of http://cv.iptc.org/newscodes/digitalsourcetype/ or its code, e.g. trainedAlgorithmicMedia',
    });
  const key = await credentials.readSigningKey({
    keyFile: options.key && resolve(io.cwd, options.key),
    keyEnv: options.keyEnv,
    env: io.env,
  });
  if (key.warning) io.stderr(`warning: ${key.warning}\n`);
  const certFile = resolve(io.cwd, options.cert);
  const certPem = await readFile(certFile, 'utf8').catch((cause: unknown) => {
    throw new UsageError('cannot read the certificate chain', {
      file: options.cert,
      hint: 'check --cert',
      cause,
    });
  });
  const signer = credentials.loadSigningCredentials({
    certPem,
    certFile: options.cert,
    keyPem: key.pem,
    keySource: key.source,
  });
  const trustAnchorsPem = options.trust
    ? credentials.parseTrustAnchorsPem(await readFile(resolve(io.cwd, options.trust), 'utf8'), options.trust)
    : undefined;
  const watermark = options.watermark ? credentials.watermarkPayloadFor(options.watermark) : undefined;
  const outDir = options.out ? resolve(io.cwd, options.out) : undefined;
  if (outDir) await mkdir(outDir, { recursive: true });
  const plan = files.map((file) => {
    const input = resolve(io.cwd, file);
    const output = outDir ? join(outDir, basename(input)) : input;
    if (output === input && !options.inPlace)
      throw new UsageError('the output would replace the input', {
        file,
        hint: 'choose another --out folder, or pass --in-place to replace the inputs',
      });
    return { file, input, output };
  });
  const outputs = new Set(plan.map((p) => p.output));
  if (outputs.size !== plan.length)
    throw new UsageError('two inputs have the same file name and would be written to the same output', {
      hint: 'mark them into different --out folders',
    });
  const markOptions = {
    ...(digitalSourceType ? { digitalSourceType } : {}),
    claimGenerator: { name: options.claimGenerator, version: toolVersion() },
    terms: {
      title: options.title,
      author: options.author,
      copyrightHolder: options.copyrightHolder,
      license: options.license,
      trainingMining: options.trainingMining as 'allowed' | 'notAllowed' | 'constrained' | undefined,
    },
    ...(watermark ? { watermark } : {}),
    credentials: signer,
  };
  for (const { input, output } of plan) {
    const result = await credentials.markFile(input, output, markOptions, trustAnchorsPem);
    const { evidence } = result;
    const marks = [
      `C2PA ${evidence.c2pa?.state}`,
      evidence.declaration?.verdict === 'not-declared'
        ? undefined
        : `AI label ${evidence.declaration?.sources.map((s) => s.source).join('+')}`,
      evidence.watermark?.status === 'found' ? `watermark ${evidence.watermark.payload}` : undefined,
      result.hadManifest ? 'parent manifest kept as ingredient' : undefined,
    ].filter(Boolean);
    io.stdout(`marked ${displayPath(output, io.cwd)}: ${marks.join(', ')}\n`);
  }
  io.stdout(
    `rai-audit assets mark: ${plan.length} asset${plan.length === 1 ? '' : 's'} marked and verified, signed as ${signer.subject}\n`,
  );
  return 0;
}
