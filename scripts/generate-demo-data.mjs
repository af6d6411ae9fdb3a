// Generates fixtures/demo/predictions.csv: a synthetic loan-approval prediction log with a known, deliberate
// disparity, so that the demo audit needs nothing outside the repository. Plain Node ESM, no dependencies.
//
// The injected effect (fixtures/demo/README.md states the resulting true and observed values):
// - The label (the applicant repaid) does not depend on sex: its base rate depends only on the age group.
// - For every applicant who is not female the model approves with P(approve | label) = 0.80 for label 1 and
//   0.20 for label 0. For female applicants both are multiplied by 0.7 (0.56 and 0.14): for the same label a
//   woman is approved at 0.7 times the rate of a man. The true selection-rate ratio female/male is therefore
//   exactly 0.7 (the four-fifths rule fails) and the true difference 0.153 (0.510 vs 0.357).
// - Age groups differ only through their base rates (0.48 to 0.54): true ratio 0.931, difference 0.031 (pass).
// - region carries no effect at all: a control attribute.
// - The seed (73) was picked among seeds 1-400 as one whose small groups (non-binary, about 75 rows; missing sex,
//   about 25 rows) do not by chance set the extremes of sex and whose observed female/male ratio is near 0.7, so
//   that the demo's evidence names female and male. With other seeds a small group's noisy rate can be the
//   lowest or the highest: that is what the bias.min-group-size check warns about.
//
// Usage: node scripts/generate-demo-data.mjs  (writes fixtures/demo/predictions.csv)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEMO_SEED = 73;
export const DEMO_ROWS = 5000;

/** The generator's parameters, exported so that tests and docs can derive the true values from them. */
export const DEMO_EFFECT = {
  // A few non-binary applicants and a few without a recorded sex (the audit shows those as "(missing)").
  sexShare: { female: 0.49, male: 0.49, 'non-binary': 0.015, '': 0.005 },
  ageShare: { '18-25': 0.18, '26-45': 0.4, '46-65': 0.3, '65+': 0.12 },
  regionShare: { north: 0.25, south: 0.25, east: 0.25, west: 0.25 },
  baseRateByAge: { '18-25': 0.48, '26-45': 0.52, '46-65': 0.54, '65+': 0.5 },
  approvalIfPositive: 0.8,
  approvalIfNegative: 0.2,
  femaleFactor: 0.7,
};

/** mulberry32: a small, fast, seeded 32-bit PRNG returning numbers in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from [value, weight] pairs with one uniform draw. */
function pick(random, choices) {
  let u = random() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    u -= weight;
    if (u < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const SEX = Object.entries(DEMO_EFFECT.sexShare);
const AGE_GROUP = Object.entries(DEMO_EFFECT.ageShare);
const REGION = Object.entries(DEMO_EFFECT.regionShare);

/**
 * A score consistent with the decision: approved (u < p) maps to [0.5, 1], declined to [0, 0.5), so that
 * prediction = score >= 0.5 reproduces the decision drawn with probability p.
 */
function scoreFor(u, p) {
  if (u < p) return Math.round((0.5 + (0.5 * (p - u)) / p) * 1000) / 1000;
  // Rounded down and capped so that no declined score rounds up to 0.5.
  return Math.min(0.499, Math.floor(((0.5 * (1 - u)) / (1 - p)) * 1000) / 1000);
}

function generateRow(random, id) {
  const sex = pick(random, SEX);
  const ageGroup = pick(random, AGE_GROUP);
  const region = pick(random, REGION);
  const label = random() < DEMO_EFFECT.baseRateByAge[ageGroup] ? 1 : 0;
  const base = label === 1 ? DEMO_EFFECT.approvalIfPositive : DEMO_EFFECT.approvalIfNegative;
  const approval = sex === 'female' ? base * DEMO_EFFECT.femaleFactor : base;
  const score = scoreFor(random(), approval);
  const prediction = score >= 0.5 ? 1 : 0;
  return `${id},${sex},${ageGroup},${region},${label},${score.toFixed(3)},${prediction}`;
}

/** The demo prediction log as CSV text (header `id,sex,age_group,region,label,score,prediction`, LF line ends). */
export function generateDemoPredictions({ seed = DEMO_SEED, rows = DEMO_ROWS } = {}) {
  const random = mulberry32(seed);
  const lines = ['id,sex,age_group,region,label,score,prediction'];
  for (let id = 1; id <= rows; id++) lines.push(generateRow(random, id));
  return `${lines.join('\n')}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const target = join(here, '..', 'fixtures', 'demo', 'predictions.csv');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generateDemoPredictions());
  console.log(`wrote ${DEMO_ROWS} rows to ${target}`);
}
