import type { RepositoryScan } from './scan-repository.js';

const SENSITIVE =
  /^(sex|gender|race|ethnicity|age|age_group|age_band|religion|disability|nationality|marital_status)$/i;
const LABEL = /^(label|target|y|outcome|ground_truth|actual)$/i;
const PREDICTION = /^(prediction|predicted|pred|y_pred|yhat|decision)$/i;
const SCORE = /^(score|probability|prob|risk|y_score)$/i;

/** A YAML scalar in double quotes when it needs them. */
function scalar(text: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(text) ? text : JSON.stringify(text);
}

function biasBlock(scan: RepositoryScan): string[] {
  const candidates = scan.dataFiles.filter((file) => file.columns.some((c) => LABEL.test(c)));
  const file = candidates[0];
  if (!file) {
    const seen = scan.dataFiles.length
      ? `data files were found (${scan.dataFiles
          .slice(0, 3)
          .map((f) => f.path)
          .join(', ')}) but none has a label column it recognises`
      : 'no CSV, TSV, Parquet or NDJSON file was found';
    return [
      `# bias: ${seen}. Name your prediction log or training set:`,
      '# bias:',
      '#   data: data/predictions.csv',
      '#   attributes: [sex, race]   # the sensitive attribute columns',
      '#   label: label              # ground truth',
      '#   prediction: prediction    # leave out for a dataset audit',
      '',
    ];
  }
  const attributes = file.columns.filter((c) => SENSITIVE.test(c));
  const label = file.columns.find((c) => LABEL.test(c))!;
  const prediction = file.columns.find((c) => PREDICTION.test(c));
  const score = file.columns.find((c) => SCORE.test(c));
  const others = candidates.slice(1, 4).map((f) => f.path);
  return [
    `# bias: ${file.path} has a label column${others.length ? `; other candidates: ${others.join(', ')}` : ''}.`,
    'bias:',
    `  data: ${scalar(file.path)}`,
    attributes.length
      ? `  attributes: [${attributes.map(scalar).join(', ')}] # columns named like sensitive attributes; check them`
      : `  attributes: [TODO] # no column is named like a sensitive attribute; columns: ${file.columns.join(', ')}`,
    `  label: ${scalar(label)} # ground truth`,
    prediction
      ? `  prediction: ${scalar(prediction)} # predicted class`
      : '  # prediction: (none found: without prediction and score, this is a dataset audit)',
    ...(score
      ? [`  score: ${scalar(score)} # scores: ROC, calibration and a threshold sweep per group`]
      : []),
    '',
  ];
}

function cardBlock(scan: RepositoryScan): string[] {
  const card = scan.cards[0];
  if (!card) {
    return [
      '# modelCard: no model-card.yaml was found; `rai-audit card init` writes one, then name it here:',
      '# modelCard:',
      '#   card: model-card.yaml',
      '',
    ];
  }
  return [
    `# modelCard: ${card} is filled from this run's bias results (README.md, model-card.html, bom.cdx.json).`,
    'modelCard:',
    `  card: ${scalar(card)}`,
    '',
  ];
}

function dataBlock(scan: RepositoryScan): string[] {
  const ledger = scan.ledgers[0];
  if (!ledger) {
    return [
      '# data: no provenance.yaml was found; `rai-audit data add` starts a ledger, then name it here:',
      '# data:',
      '#   ledger: provenance.yaml',
      '#   intendedUse: commercial',
      '',
    ];
  }
  return [
    `# data: the provenance ledger ${ledger}; licences are checked against the intended use.`,
    'data:',
    `  ledger: ${scalar(ledger)}`,
    '  intendedUse: commercial # or research, …: what the model is for',
    '',
  ];
}

function assetsBlock(scan: RepositoryScan): string[] {
  const folders = [...scan.assetFolders].sort((a, b) => b.count - a.count).slice(0, 3);
  if (folders.length === 0) {
    return ['# assets: no folder of images, audio or video was found.', ''];
  }
  return [
    `# assets: folders with media files: ${folders.map((f) => `${f.path} (${f.count})`).join(', ')}.`,
    'assets:',
    `  paths: [${folders.map((f) => scalar(f.path)).join(', ')}]`,
    '  requirements:',
    "    '**/*': { ai-declaration: required } # every asset declares it is AI-generated; add c2pa: valid once you sign",
    '',
  ];
}

/** rai-audit.yaml for the repository `scan` describes, every choice explained in a comment. */
export function starterConfig(scan: RepositoryScan): string {
  return [
    '# yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/rai-audit/main/packages/core/schema/config.schema.json',
    '# rai-audit.yaml, written by `rai-audit init` from what it found in this repository. `rai-audit run` performs',
    '# every audit below and writes one report (reports/run/). Paths are relative to this file. docs/run.md has every key.',
    '',
    ...biasBlock(scan),
    ...cardBlock(scan),
    ...dataBlock(scan),
    ...assetsBlock(scan),
    '# policy: start from the recommended preset (the four-fifths rule gates; the other checks warn).',
    'policy:',
    '  extends: recommended',
    '  failOn: error # warnings are reported but do not fail the run',
    '  # waivers accept a known failure until a date, after which the run fails again:',
    '  # waivers:',
    '  #   - check: bias.demographic-parity-ratio',
    '  #     subject: { attribute: sex, group: female }',
    '  #     reason: retraining with re-balanced data is scheduled',
    '  #     owner: ml-team',
    '  #     expires: 2026-12-31',
    '',
  ].join('\n');
}
