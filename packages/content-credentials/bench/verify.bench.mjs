/**
 * Benchmark of `rai-audit assets verify` (issue 4): 1,000 signed JPEGs and PNGs of 1–4 MP, made with the project's
 * test CA, verified with one worker and with one worker per core, each run in a fresh child process so that its
 * peak RSS is its own. Prints assets per second, peak RSS, the speedup over one worker, and the watermark
 * detector's time per megapixel. Runs on the built package:
 *
 *   npx tsc -b packages/content-credentials/tsconfig.build.json
 *   node packages/content-credentials/bench/verify.bench.mjs [--count 1000] [--workers N] [--repeat R]
 *
 * With --repeat R the two configurations alternate R times and the fastest run of each is kept, which filters out
 * the load of other processes on a shared machine.
 * Targets: speedup ≥ 1.7× on 2 cores, peak RSS ≤ 1 GB, watermark detection ≤ 60 ms per megapixel.
 * The assets are written once to bench-data/assets-verify/ (git-ignored) and reused while --count is unchanged.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = new URL('../dist/', import.meta.url);
const DATA = join(ROOT, 'bench-data', 'assets-verify');
// 1, 2, 3 and 4 megapixels at 16:10 or 4:3.
const SIZES = [
  [1280, 800],
  [1600, 1250],
  [2048, 1536],
  [2560, 1600],
];

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    repeat: { type: 'string', default: '1' },
    child: { type: 'string' },
  },
});

async function loadDist() {
  if (!existsSync(new URL('verify/index.js', DIST))) {
    throw new Error('build first: npx tsc -b packages/content-credentials/tsconfig.build.json');
  }
  return {
    ...(await import(new URL('verify/index.js', DIST).href)),
    ...(await import(new URL('index.js', DIST).href)),
  };
}

/** Writes `count` signed assets (half PNG, half JPEG, 1–4 MP), each signed separately, unless already there. */
async function ensureAssets(count) {
  const stamp = join(DATA, 'assets.json');
  if (existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).count === count) return;
  const { makeTestImage, signTestAsset } = await import('./signed-test-assets.mjs');
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(join(DATA, 'generated'), { recursive: true });
  const bases = new Map();
  for (let index = 0; index < count; index += 1) {
    const format = index % 2 === 0 ? 'png' : 'jpeg';
    const [width, height] = SIZES[Math.floor(index / 2) % SIZES.length];
    const key = `${format}-${width}`;
    if (!bases.has(key)) bases.set(key, await makeTestImage({ width, height, format, seed: bases.size + 1 }));
    const name = `asset-${String(index).padStart(4, '0')}.${format === 'png' ? 'png' : 'jpg'}`;
    const signed = await signTestAsset(bases.get(key), { format: `image/${format}`, title: name });
    writeFileSync(join(DATA, 'generated', name), signed);
    if ((index + 1) % 100 === 0) process.stderr.write(`signed ${index + 1}/${count} assets\n`);
  }
  writeFileSync(stamp, JSON.stringify({ count }));
}

/** One verification run (in a child process): wall time, assets per second, peak RSS, verdicts. */
async function runChild(workers) {
  const { verifyAssets } = await loadDist();
  const { loadTestSigner } = await import('./signed-test-assets.mjs');
  const started = performance.now();
  const outcome = await verifyAssets({
    inputs: [join(DATA, 'generated')],
    cwd: ROOT,
    policy: {
      failOn: 'error',
      checks: {},
      assets: [{ glob: '**', requirements: { c2pa: 'trusted', 'ai-declaration': 'required' } }],
    },
    trustAnchorsPem: loadTestSigner().rootPem,
    at: new Date('2026-06-01T00:00:00Z'),
    workers,
    timeoutMs: 120_000,
    maxPixels: 64_000_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const assets = outcome.section.assets;
  process.stdout.write(
    JSON.stringify({
      workers,
      assets: assets.length,
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      failedChecks: outcome.checks.filter((check) => check.status !== 'pass').length,
      errors: assets.filter((asset) => asset.status === 'error').length,
    }),
  );
}

function measureInChild(workers) {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [script, '--child', String(workers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.toString());
}

/** Median time of the dwtDct detector (all payloads, all four variants) per megapixel, at each size. */
async function watermarkMsPerMegapixel() {
  const { detectDwtDct, readImagePixels } = await loadDist();
  const { makeTestImage } = await import('./signed-test-assets.mjs');
  const rows = [];
  for (const [width, height] of SIZES) {
    const pixels = await readImagePixels(await makeTestImage({ width, height }));
    const times = [];
    for (let run = 0; run < 7; run += 1) {
      const start = performance.now();
      detectDwtDct(pixels);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({ size: `${width}×${height}`, msPerMp: times[3] / ((width * height) / 1e6) });
  }
  return rows;
}

function printReport({ count, one, many, peak, watermark }) {
  const line = (run) =>
    `${run.workers} worker${run.workers === 1 ? ' ' : 's'}: ${run.assets} assets in ${run.seconds.toFixed(1)} s = ` +
    `${(run.assets / run.seconds).toFixed(1)} assets/s, peak RSS ${run.peakRssMb.toFixed(0)} MB, ` +
    `${run.failedChecks} checks not passing, ${run.errors} error results`;
  const repeat = Number(args.repeat) > 1 ? `, fastest of ${args.repeat} runs each` : '';
  const cores = availableParallelism();
  console.log(`rai-audit assets verify benchmark (${count} signed assets, 1–4 MP, ${cores} cores${repeat})`);
  console.log(line(one));
  console.log(line(many));
  const speedup = (one.seconds / many.seconds).toFixed(2);
  console.log(`speedup over one worker: ${speedup}× (target ≥ 1.7× on 2 cores)`);
  console.log(`peak RSS: ${peak.toFixed(0)} MB (target ≤ 1024 MB)`);
  for (const row of watermark)
    console.log(`watermark detection at ${row.size}: ${row.msPerMp.toFixed(1)} ms/MP (target ≤ 60)`);
}

async function main() {
  const count = Number(args.count);
  await ensureAssets(count);
  const runs = { one: [], many: [] };
  for (let round = 0; round < Number(args.repeat); round += 1) {
    runs.one.push(measureInChild(1));
    runs.many.push(measureInChild(Number(args.workers)));
  }
  const fastest = (list) => list.reduce((best, run) => (run.seconds < best.seconds ? run : best));
  const peak = Math.max(...[...runs.one, ...runs.many].map((run) => run.peakRssMb));
  const watermark = await watermarkMsPerMegapixel();
  printReport({ count, one: fastest(runs.one), many: fastest(runs.many), peak, watermark });
}

if (args.child) await runChild(Number(args.child));
else await main();
