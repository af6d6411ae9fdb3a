#!/usr/bin/env node
// Benchmark of `rai-audit data` (issue 11) on a generated tree: a few large files and many small ones.
//
//   npx -y pnpm@10.34.9 run bench:provenance [-- --gb 2 --small 20000 --large 4 --runs 3]
//
// Measures, through the real CLI: the first `data add` (every byte hashed), `data verify` of the unchanged tree
// (size/mtime cache), and `data verify --full` with 1 worker and with the default workers; `sha256sum` over the
// same files in the same run (one process, one core). Full hashes and sha256sum alternate, median of --runs.
// The page cache cannot be dropped without privileges, so every full read runs warm; the tree is read once before
// timing starts so that all runs see the same cache state. Peak RSS from /usr/bin/time. Data under bench-data/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomFillSync } from 'node:crypto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'rai-audit.js');
const { values: args } = parseArgs({
  options: {
    gb: { type: 'string', default: '2' },
    small: { type: 'string', default: '20000' },
    large: { type: 'string', default: '4' },
    runs: { type: 'string', default: '3' },
  },
});
const totalBytes = Number(args.gb) * 1024 ** 3;
const smallCount = Number(args.small);
const largeCount = Number(args.large);
const smallSize = 16 * 1024;
const largeSize = Math.floor((totalBytes - smallCount * smallSize) / largeCount);
const dir = join(root, 'bench-data', `provenance-${args.gb}g-${smallCount}-${largeCount}`);
const tree = join(dir, 'tree');

function generate() {
  if (existsSync(join(dir, '.complete'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(tree, 'large'), { recursive: true });
  const chunk = Buffer.allocUnsafe(8 * 1024 * 1024);
  for (let i = 0; i < largeCount; i++) {
    const fd = openSync(join(tree, 'large', `part-${i}.bin`), 'w');
    for (let written = 0; written < largeSize; written += chunk.length) {
      randomFillSync(chunk);
      writeSync(fd, chunk, 0, Math.min(chunk.length, largeSize - written));
    }
    closeSync(fd);
  }
  const small = Buffer.allocUnsafe(smallSize);
  for (let i = 0; i < smallCount; i++) {
    const sub = join(tree, 'small', String(i % 100).padStart(2, '0'));
    if (i < 100) mkdirSync(sub, { recursive: true });
    randomFillSync(small);
    writeFileSync(join(sub, `item-${i}.bin`), small);
  }
  writeFileSync(join(dir, '.complete'), '');
}

/** Runs a command under /usr/bin/time: wall seconds and peak RSS in MB. */
function timed(command, commandArgs, options = {}) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...options,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && !options.allowFail)
    throw new Error(`${command} ${commandArgs.join(' ')} failed: ${run.stderr}`);
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  return { seconds, rssMb: rssKb / 1024, status: run.status };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gbps = (seconds) => (totalBytes / 1024 ** 3 / seconds).toFixed(2);

generate();
const sha256sum = () => timed('sh', ['-c', 'find tree -type f -print0 | xargs -0 sha256sum > /dev/null']);
sha256sum(); // warm the page cache the same way for every run below
rmSync(join(dir, 'provenance.yaml'), { force: true });
rmSync(join(dir, 'provenance.lock.json'), { force: true });
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
const add = timed(process.execPath, [cli, 'data', 'add', 'tree', '--dataset', 'bench']);
const runs = Number(args.runs);
const results = { sum: [], full1: [], full: [], cached: [], rss: [add.rssMb] };
const verifyArgs = ['data', 'verify', '-q', '--format', 'json', '--out', join(dir, 'reports')];
for (let i = 0; i < runs; i++) {
  results.sum.push(sha256sum().seconds);
  const one = timed(process.execPath, [cli, ...verifyArgs, '--full', '--workers', '1']);
  results.full1.push(one.seconds);
  const two = timed(process.execPath, [cli, ...verifyArgs, '--full']);
  results.full.push(two.seconds);
  const cached = timed(process.execPath, [cli, ...verifyArgs]);
  results.cached.push(cached.seconds);
  results.rss.push(one.rssMb, two.rssMb, cached.rssMb);
}
const sum = median(results.sum);
const full1 = median(results.full1);
const full = median(results.full);
const cached = median(results.cached);
const gb = (totalBytes / 1024 ** 3).toFixed(2);
console.log(
  `tree: ${gb} GB, ${largeCount} files of ${(largeSize / 1024 ** 2).toFixed(0)} MB and ${smallCount} of ${smallSize / 1024} KB; load average before: ${load}; ${runs} runs, medians`,
);
console.log(`data add (first hash, default workers): ${add.seconds.toFixed(2)} s, ${gbps(add.seconds)} GB/s`);
console.log(`sha256sum (1 process):                  ${sum.toFixed(2)} s, ${gbps(sum)} GB/s`);
console.log(
  `data verify --full --workers 1:         ${full1.toFixed(2)} s, ${gbps(full1)} GB/s, ${(sum / full1).toFixed(2)}x sha256sum`,
);
console.log(
  `data verify --full (default workers):   ${full.toFixed(2)} s, ${gbps(full)} GB/s, ${(sum / full).toFixed(2)}x sha256sum`,
);
console.log(
  `data verify (unchanged, from cache):    ${cached.toFixed(2)} s, ${((cached / full) * 100).toFixed(1)} % of the full verify`,
);
console.log(`peak RSS of any rai-audit run:          ${Math.max(...results.rss).toFixed(0)} MB`);
console.log(
  `ranges: sha256sum ${Math.min(...results.sum).toFixed(2)}-${Math.max(...results.sum).toFixed(2)} s, full/1 ${Math.min(...results.full1).toFixed(2)}-${Math.max(...results.full1).toFixed(2)} s, full ${Math.min(...results.full).toFixed(2)}-${Math.max(...results.full).toFixed(2)} s, cached ${Math.min(...results.cached).toFixed(2)}-${Math.max(...results.cached).toFixed(2)} s`,
);
