/**
 * Benchmark of `rai-audit assets mark` (issue 12): the 1–4 MP images of the verify benchmark's size mix (half PNG,
 * half JPEG, unsigned), each marked as `assets mark --watermark sdv2` does: dwtDct embedding, XMP, a signed C2PA
 * manifest, then the full verification of the marked bytes and the atomic write. One worker: marking has no worker
 * pool (it runs on the CLI's thread), so there is no two-worker figure. Runs on the built package:
 *
 *   npx tsc -b packages/content-credentials/tsconfig.build.json
 *   node packages/content-credentials/bench/mark.bench.mjs [--count 1000]
 *
 * Prints assets per second, megapixels per second and the median time per asset, with the machine's load average.
 * Inputs are written once to bench-data/assets-mark/ (git-ignored) and reused while --count is unchanged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AI_GENERATED, makeTestImage } from './signed-test-assets.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = new URL('../dist/index.js', import.meta.url);
const DATA = join(ROOT, 'bench-data', 'assets-mark');
const SIZES = [
  [1280, 800],
  [1600, 1250],
  [2048, 1536],
  [2560, 1600],
];

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const count = Number(args.count);

async function ensureInputs() {
  const stamp = join(DATA, 'inputs.json');
  if (existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).count === count)
    return JSON.parse(readFileSync(stamp, 'utf8')).files;
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(join(DATA, 'in'), { recursive: true });
  const files = [];
  for (let i = 0; i < count; i += 1) {
    const [width, height] = SIZES[i % SIZES.length];
    const format = i % 2 === 0 ? 'png' : 'jpeg';
    const path = join(DATA, 'in', `asset-${String(i).padStart(4, '0')}.${format === 'png' ? 'png' : 'jpg'}`);
    writeFileSync(path, await makeTestImage({ width, height, format, seed: (i % 7) + 1 }));
    files.push({ path, megapixels: (width * height) / 1e6 });
  }
  writeFileSync(stamp, JSON.stringify({ count, files }));
  return files;
}

if (!existsSync(DIST))
  throw new Error('build first: npx tsc -b packages/content-credentials/tsconfig.build.json');
const cc = await import(DIST.href);
const files = await ensureInputs();
const made = await cc.createTestCredentials({ algorithm: 'es256' });
const credentials = cc.loadSigningCredentials({
  certPem: made.certChainPem,
  certFile: 'cert.pem',
  keyPem: made.keyPem,
  keySource: 'key.pem',
});
const options = {
  digitalSourceType: AI_GENERATED,
  claimGenerator: { name: 'rai-audit-bench', version: '0' },
  terms: { author: 'Bench', license: 'CC-BY-4.0', trainingMining: 'notAllowed' },
  watermark: cc.watermarkPayloadFor('sdv2'),
  credentials,
};
const out = join(DATA, 'out');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const loadBefore = loadavg()[0];
const times = [];
const start = performance.now();
for (const [i, file] of files.entries()) {
  const t = performance.now();
  await cc.markFile(
    file.path,
    join(out, `marked-${i}${file.path.slice(file.path.lastIndexOf('.'))}`),
    options,
    made.caPem,
  );
  times.push(performance.now() - t);
}
const seconds = (performance.now() - start) / 1000;
const megapixels = files.reduce((sum, f) => sum + f.megapixels, 0);
times.sort((a, b) => a - b);
console.log(
  `assets mark, 1 worker: ${files.length} assets (${megapixels.toFixed(0)} MP, half PNG, half JPEG) in ${seconds.toFixed(1)} s: ` +
    `${(files.length / seconds).toFixed(2)} assets/s, ${(megapixels / seconds).toFixed(2)} MP/s, ` +
    `median ${(times[times.length >> 1] / 1000).toFixed(2)} s per asset; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
);
