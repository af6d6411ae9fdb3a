import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addCommonOptions } from '../common-options.js';
import { runAudit, type CommonOptions } from '../run-audit.js';
import { parseCount, parsePayloadList, readTrustAnchors } from './assets.js';

interface SurviveOptions extends CommonOptions {
  transforms: string;
  trust: string[];
  watermarkPayload: string[];
  maxPixels: string;
}

// Repeated from the package so that --help does not load the image codecs.
const ALL_TRANSFORMS = 'jpeg90,jpeg75,webp80,resize50,crop5,strip-metadata,png-recompress';
const DEFAULT_MAX_PIXELS = 64_000_000;

const SURVIVE_EXAMPLES = `
Examples:
  # Which marks survive each transform of a distribution path (reports go to reports/assets-survive/)
  $ rai-audit assets survive signed/ --trust test-keys/ca.pem

  # Only what your CDN does, as Markdown for a CI job summary
  $ rai-audit assets survive signed/*.png --transforms webp80,resize50 --format html,json,md

Transforms (in memory; nothing is written beside the assets):
  jpeg90, jpeg75   JPEG at quality 90 or 75 with 4:2:0 chroma, metadata kept
  webp80           lossy WebP at quality 80, metadata kept
  resize50         half the size, same format saved losslessly (JPEG: q95 4:4:4), metadata kept
  crop5            5 % cut from every edge, same format saved losslessly (JPEG: q95 4:4:4), metadata kept
  strip-metadata   EXIF, XMP, IPTC and C2PA removed, pixels untouched
  png-recompress   saved again as PNG at compression level 9 (lossless), metadata kept

Each cell says whether the C2PA manifest still validates, where the AI label and the terms still read (C2PA,
XMP), and whether the dwtDct watermark is still found. Image tools drop C2PA manifests when they re-encode.
The dwtDct mark is fragile: it survives lossless steps, not 4:2:0 JPEG, resizing or crops.`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Adds `rai-audit assets survive` under the `assets` command. */
export function registerAssetsSurvive(
  assets: Command,
  io: CliIo,
  done: (result: { exitCode: number }) => void,
): void {
  addCommonOptions(
    assets
      .command('survive')
      .summary('apply distribution transforms (JPEG, WebP, resize, crop, metadata stripping) and re-verify')
      .description(
        'Verify each asset, apply each transform with sharp in memory, verify the result again, and report a ' +
          'matrix asset × transform × mark: C2PA valid, AI label present, terms present, watermark found.',
      )
      .argument('<paths...>', 'files, a folder, or quoted globs')
      .option('--transforms <list>', 'comma-separated transforms', ALL_TRANSFORMS)
      .option('--trust <file.pem>', 'trust anchors: PEM file of CA certificates (repeatable)', collect, [])
      .option(
        '--watermark-payload <hex>',
        'extra dwtDct payloads, hex, comma-separated (repeatable)',
        collect,
        [],
      )
      .option('--max-pixels <n>', 'refuse larger images (decompression bombs)', String(DEFAULT_MAX_PIXELS)),
  )
    .addHelpText('after', SURVIVE_EXAMPLES)
    .exitOverride()
    .action(async (paths: string[], options: SurviveOptions) => {
      done({ exitCode: await runAssetsSurvive(io, paths, options) });
    });
}

async function runAssetsSurvive(io: CliIo, paths: string[], options: SurviveOptions): Promise<number> {
  const maxPixels = parseCount(options.maxPixels, '--max-pixels');
  const watermarkPayloads = parsePayloadList(options.watermarkPayload);
  const credentials = await import('@rai-audit/content-credentials');
  const transforms = credentials.parseTransforms(options.transforms);
  return runAudit(io, options, {
    command: 'assets-survive',
    inputs: options.trust.map((path) => ({ path, role: 'trust-anchors' })),
    run: async (_policy, progress) => {
      const trustAnchorsPem = await readTrustAnchors(options.trust, io.cwd, credentials.parseTrustAnchorsPem);
      const section = await credentials.surviveAssets({
        inputs: paths,
        cwd: io.cwd,
        transforms,
        trustAnchorsPem,
        trustAnchorsLabel: options.trust.join(', ') || undefined,
        watermarkPayloads,
        maxPixels,
        onProgress: (doneCount, total) => {
          if (doneCount === 0 && total > 1)
            progress(`rai-audit assets survive: ${total} assets × ${transforms.length} transforms…`);
        },
      });
      return { sections: [section], checks: [], warnings: [] };
    },
  });
}
