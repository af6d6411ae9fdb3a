// A deterministic baseline score for the German credit data (../shared/fixtures/datasets/german_credit.csv):
// logistic regression fitted by a fixed number of Newton (IRLS) steps on a few numeric features and the one-hot
// codes of a few categorical ones, no randomness. Writes a prediction log for `rai-audit bias`: the original columns,
// the derived `sex`, `label` (1 = good credit), `score` and `prediction` (score >= 0.5).
//
// Usage: node scripts/german-credit-baseline.mjs [out.csv]   (default bench-data/german_credit_scored.csv)
// The output derives from a third-party file: it goes under bench-data/, which is git-ignored, and is never committed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT = resolve(repoRoot, '..', 'shared', 'fixtures', 'datasets', 'german_credit.csv');
const DEFAULT_OUTPUT = resolve(repoRoot, 'bench-data', 'german_credit_scored.csv');

const NUMERIC = ['month', 'credit_amount', 'age', 'investment_as_income_percentage', 'number_of_credits'];
const CATEGORICAL = ['status', 'credit_history', 'savings', 'employment'];
// The sensitive attribute is not a model input: the audit shows what the other features carry of it.
const FEMALE_CODES = new Set(['A92', 'A95']);
const NEWTON_STEPS = 25;
const RIDGE = 1; // L2 penalty on every weight but the intercept: keeps rare one-hot codes from diverging.

function readCsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const columns = header.split(',');
  const rows = lines.map((line) =>
    Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])),
  );
  return { columns, rows };
}

/** Per numeric feature: mean and standard deviation, so that every weight works on the same scale. */
function standardizers(rows) {
  return NUMERIC.map((name) => {
    const values = rows.map((row) => Number(row[name]));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) || 1;
    return { name, mean, sd };
  });
}

/** One-hot levels per categorical feature, sorted, the first dropped as the baseline level. */
function levels(rows) {
  return CATEGORICAL.map((name) => ({
    name,
    codes: [...new Set(rows.map((row) => row[name]))].sort().slice(1),
  }));
}

function designRow(row, scales, onehots) {
  const numeric = scales.map(({ name, mean, sd }) => (Number(row[name]) - mean) / sd);
  const dummies = onehots.flatMap(({ name, codes }) => codes.map((code) => (row[name] === code ? 1 : 0)));
  return [1, ...numeric, ...dummies];
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const dot = (a, b) => a.reduce((sum, value, i) => sum + value * b[i], 0);

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(matrix, vector) {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r += 1) {
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= n; c += 1) a[r][c] -= factor * a[col][c];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = a[r][n];
    for (let c = r + 1; c < n; c += 1) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x;
}

/** One Newton step of penalized logistic regression: w ← w + (XᵀWX + λI)⁻¹ (Xᵀ(y − p) − λw). */
function newtonStep(design, labels, weights) {
  const p = weights.length;
  const hessian = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => (i === j && i > 0 ? RIDGE : 0)),
  );
  const gradient = weights.map((w, i) => (i > 0 ? -RIDGE * w : 0));
  design.forEach((x, r) => {
    const mu = sigmoid(dot(x, weights));
    const v = mu * (1 - mu);
    for (let i = 0; i < p; i += 1) {
      gradient[i] += x[i] * (labels[r] - mu);
      for (let j = 0; j < p; j += 1) hessian[i][j] += v * x[i] * x[j];
    }
  });
  const delta = solve(hessian, gradient);
  return weights.map((w, i) => w + delta[i]);
}

/** AUC by ranks (Mann–Whitney, ties counted ½). */
function auc(scores, labels) {
  const order = scores.map((score, i) => ({ score, label: labels[i] })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j].score === order[i].score) j += 1;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) if (order[k].label === 1) rankSum += midRank;
    i = j;
  }
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function main() {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  if (!existsSync(INPUT)) {
    console.error(`${INPUT} not found: the German credit data lives in ../shared, beside the checkout`);
    process.exitCode = 3;
    return;
  }
  const { columns, rows } = readCsv(INPUT);
  const labels = rows.map((row) => (row.credit === '1' ? 1 : 0));
  const scales = standardizers(rows);
  const onehots = levels(rows);
  const design = rows.map((row) => designRow(row, scales, onehots));
  let weights = new Array(design[0].length).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step += 1) weights = newtonStep(design, labels, weights);
  const scores = design.map((x) => sigmoid(dot(x, weights)));
  const predictions = scores.map((score) => (score >= 0.5 ? 1 : 0));
  const lines = rows.map((row, i) => {
    const sex = FEMALE_CODES.has(row.personal_status) ? 'female' : 'male';
    return [...columns.map((c) => row[c]), sex, labels[i], scores[i].toFixed(6), predictions[i]].join(',');
  });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(
    output,
    [[...columns, 'sex', 'label', 'score', 'prediction'].join(','), ...lines].join('\n') + '\n',
  );
  const accuracy = predictions.filter((p, i) => p === labels[i]).length / labels.length;
  console.log(`wrote ${rows.length} rows to ${output}`);
  console.log(
    `in-sample accuracy ${accuracy.toFixed(4)}, AUC ${auc(scores, labels).toFixed(4)} (${weights.length} weights)`,
  );
}

main();
