#!/usr/bin/env node
// Benchmark of `rai-audit bias` on a generated prediction log (issue 3): wall time, peak RSS and the aggregation
// step's own time of the full audit through the real CLI, next to a bare DuckDB GROUP BY count over the same file.
//
//   npx -y pnpm@10.34.9 run build && node scripts/bench-bias.mjs [--rows 10000000] [--formats csv,parquet]
//                                                [--runs 3] [--draws 1000] [--seed 1] [--regenerate]
//
// Each format is measured --runs times (the audit and both bare scans alternate, so machine load hits them alike);
// the table shows the median and, under it, the range.
//
// Uses the built packages (packages/*/dist). Data goes to bench-data/ (git-ignored) and is reused when present.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench-data');
const cliBin = join(root, 'packages', 'cli', 'bin', 'rai-audit.js');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    formats: { type: 'string' },
    draws: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    regenerate: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(`Usage: node scripts/bench-bias.mjs [options]   (build first: pnpm run build; or pnpm run bench:bias)

Times the full rai-audit bias audit of a generated prediction log against bare DuckDB GROUP BY counts.

Options:
  --rows N        rows of the generated log (default 10000000; above 20M only Parquet unless --formats says)
  --formats LIST  csv,parquet (default both)
  --runs N        runs per format; the table shows the median and the range (default 3)
  --draws N       bootstrap draws of the audit (default 1000)
  --seed N        seed of the generated data (default 1)
  --regenerate    write the data file again even if bench-data/ has it

Example:
  pnpm run bench:bias -- --runs 5
  node scripts/bench-bias.mjs --rows 100000000 --runs 1`);
  process.exit(0);
}
const rows = Number(args.rows);
const seed = Number(args.seed);
// A 100M-row CSV is 4 GB of text: the large run is the Parquet one unless asked otherwise.
const formats = (args.formats ?? (rows > 20_000_000 ? 'parquet' : 'csv,parquet')).split(',');
const runs = Number(args.runs);
if (!Number.isInteger(rows) || rows <= 0)
  throw new Error(`--rows must be a positive whole number, got ${args.rows}`);
if (!Number.isInteger(runs) || runs <= 0)
  throw new Error(`--runs must be a positive whole number, got ${args.runs}`);

async function loadDuckDb() {
  const require = createRequire(join(root, 'packages', 'bias', 'package.json'));
  return import(pathToFileURL(require.resolve('@duckdb/node-api')).href);
}

const { DuckDBInstance } = await loadDuckDb();

async function withDuckDb(run) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await run(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// Seeded from hash(row, seed): the same --rows and --seed give the same file. race carries an injected disparity:
// its groups' scores are shifted, so selection rates differ while labels follow the scores.
function generatorSql() {
  const u = (k) => `((hash(i * 16 + ${k}, ${seed}) % 1000000) / 1000000.0)`;
  return `
    SELECT i AS id,
      ['White', 'Black', 'Asian', 'Hispanic', 'Other'][1 + CAST(FLOOR(${u(1)} * 5) AS INTEGER)] AS race,
      CASE WHEN ${u(2)} < 0.5 THEN 'female' ELSE 'male' END AS sex,
      ['18-25', '26-35', '36-45', '46-55', '56-65', '65+'][1 + CAST(FLOOR(${u(3)} * 6) AS INTEGER)] AS age_group,
      score,
      CASE WHEN ${u(5)} < score THEN 1 ELSE 0 END AS label,
      CASE WHEN score >= 0.5 THEN 1 ELSE 0 END AS prediction
    FROM (
      SELECT i, ROUND(LEAST(1, GREATEST(0, ${u(4)} * 0.9 + CASE WHEN ${u(1)} < 0.2 THEN 0.1 WHEN ${u(1)} < 0.4 THEN 0 ELSE 0.05 END)), 4) AS score
      FROM range(${rows}) t(i)
    )`;
}

async function generate(format) {
  const file = join(benchDir, `log-${rows}-seed${seed}.${format}`);
  if (existsSync(file) && !args.regenerate) return file;
  mkdirSync(benchDir, { recursive: true });
  const started = performance.now();
  const options = format === 'csv' ? '(FORMAT csv, HEADER)' : '(FORMAT parquet, ROW_GROUP_SIZE 1000000)';
  await withDuckDb((c) => c.run(`COPY (${generatorSql()}) TO '${file}' ${options}`));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`generated ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${seconds} s`);
  return file;
}

function readerOf(file) {
  return file.endsWith('.csv') ? `read_csv('${file}', header = true)` : `read_parquet('${file}')`;
}

/**
 * The bare scans the aggregation is compared with, each a plain GROUP BY count in a fresh DuckDB, best of two:
 * over one attribute (the cheapest read of the file), and over every column the audit reads (attributes, label,
 * prediction, score), which is the same scan without the audit's bins, sums and grouping sets.
 */
const BARE_SCANS = {
  oneColumn: 'race',
  auditColumns: 'race, sex, age_group, label, prediction, score',
};

async function bareScans(file) {
  return withDuckDb(async (c) => {
    const best = {};
    for (const [name, columns] of Object.entries(BARE_SCANS)) {
      const times = [];
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        await c.runAndReadAll(`SELECT ${columns}, COUNT(*) AS n FROM ${readerOf(file)} GROUP BY ${columns}`);
        times.push(performance.now() - started);
      }
      best[name] = Math.min(...times);
    }
    return best;
  });
}

function auditArgs(file, format) {
  return [
    cliBin,
    'bias',
    file,
    '--attribute',
    'race,sex,age_group',
    '--intersect',
    'race,sex',
    '--label',
    'label',
    '--prediction',
    'prediction',
    '--score',
    'score',
    '--bootstrap',
    args.draws,
    '--seed',
    '7',
    '--out',
    join(benchDir, `reports-${format}`),
    '--format',
    'html,json',
    '--quiet',
  ];
}

/** Peak RSS of a running child from /proc/<pid>/status (VmHWM), polled; used when /usr/bin/time is absent. */
function pollPeakRss(pid) {
  let peak = 0;
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // The process has exited.
    }
  };
  const timer = setInterval(read, 20);
  return () => {
    read();
    clearInterval(timer);
    return peak;
  };
}

/** Runs the full audit through the real CLI in a child process: wall time, peak RSS and the CLI's step timings. */
function runAudit(file, format) {
  const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const [command, commandArgs] = timeBinary
    ? [timeBinary, ['-v', process.execPath, ...auditArgs(file, format)]]
    : [process.execPath, auditArgs(file, format)];
  rmSync(join(benchDir, `reports-${format}`), { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      env: { ...process.env, RAI_AUDIT_TIMINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stopPolling = timeBinary ? undefined : pollPeakRss(child.pid);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const polled = stopPolling?.();
      const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakRss = fromTime ? Number(fromTime[1]) * 1024 : (polled ?? 0);
      const parse = (line) =>
        Object.fromEntries(
          [...(line ?? '').matchAll(/([\w -]+?) (\d+) ms/g)].map((m) => [m[1].trim(), Number(m[2])]),
        );
      // The bias command's own steps, then the run's stages around them (start-up, hashing, each report).
      const timings = parse(/bias: timings: (.*)/.exec(stderr)?.[1]);
      const stages = parse(/run timings: (.*)/.exec(stderr)?.[1]);
      // Exit 1 means an error-level check failed (the injected disparity): the audit itself completed.
      if (code !== 0 && code !== 1) reject(new Error(`rai-audit exited ${code}:\n${stderr}`));
      else resolve({ wallMs, peakRss, timings, stages, code });
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const measured = [];
for (const format of formats) {
  const file = await generate(format);
  for (let run = 0; run < runs; run++) {
    const bare = await bareScans(file);
    const audit = await runAudit(file, format);
    const aggregation = audit.timings.aggregation ?? Number.NaN;
    measured.push({
      format,
      wall: audit.wallMs,
      rss: audit.peakRss,
      aggregation,
      bareOne: bare.oneColumn,
      bareAudit: bare.auditColumns,
      ratioOne: aggregation / bare.oneColumn,
      ratioAudit: aggregation / bare.auditColumns,
      stages: { ...audit.stages, ...audit.timings },
    });
    console.error(
      `${format} run ${run + 1}/${runs}: whole audit ${seconds(audit.wallMs)}, aggregation ${seconds(aggregation)}`,
    );
  }
}

console.log(
  `\nrai-audit bias benchmark: ${rows.toLocaleString('en')} rows, 3 attributes + 1 intersection, score, ${args.draws} bootstrap draws, HTML + JSON report`,
);
console.log(
  `node ${process.version}, ${(await import('node:os')).cpus().length} cores; ${runs > 1 ? `median of ${runs} runs, their range below` : 'one run'}\n`,
);
const columns = [
  ['whole audit', (m) => m.wall, seconds],
  ['peak RSS', (m) => m.rss, mib],
  ['aggregation', (m) => m.aggregation, seconds],
  ['bare count, 1 column', (m) => m.bareOne, seconds],
  ['bare count, audit columns', (m) => m.bareAudit, seconds],
  ['aggregation / 1 column', (m) => m.ratioOne, (v) => v.toFixed(2)],
  ['aggregation / audit columns', (m) => m.ratioAudit, (v) => v.toFixed(2)],
];
const table = [['format', ...columns.map(([name]) => name)]];
for (const format of formats) {
  const rowsOf = measured.filter((m) => m.format === format);
  table.push([format, ...columns.map(([, pick, show]) => show(median(rowsOf.map(pick))))]);
  if (runs > 1) {
    const range = ([, pick, show]) => {
      const values = rowsOf.map(pick);
      return `${show(Math.min(...values))} – ${show(Math.max(...values))}`;
    };
    table.push(['  range', ...columns.map(range)]);
  }
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) =>
  `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
for (const format of formats) {
  const rowsOf = measured.filter((m) => m.format === format);
  const steps = Object.keys(rowsOf[0].stages);
  console.log(
    `\n${format}, median time of each stage: ${steps
      .map((step) => `${step} ${Math.round(median(rowsOf.map((m) => m.stages[step] ?? 0)))} ms`)
      .join(', ')}`,
  );
}
