#!/usr/bin/env node
// The README's demo: audits the project's own synthetic prediction log (fixtures/demo/), builds the demo model's
// card from that audit (fixtures/demo/model-card.yaml → reports/card/), runs `rai-audit run` on the repository's
// rai-audit.yaml (→ reports/run/), and says where the reports are.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = [
  'packages/cli/bin/rai-audit.js',
  'bias',
  'fixtures/demo/predictions.csv',
  '--attribute',
  'sex,age_group',
  '--label',
  'label',
  '--prediction',
  'prediction',
  '--score',
  'score',
  '--reference',
  'sex=male',
  '--policy',
  'fixtures/demo/policy.yaml',
  '--format',
  'html,json,junit,sarif,md',
];
if (!existsSync('packages/cli/dist/main.js')) {
  console.error(
    'rai-audit is not built yet: run `npx -y pnpm@10.34.9 install` first (it builds the packages).',
  );
  process.exit(2);
}
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
const code = run.status ?? 3;
// The demo data's provenance: its ledger and lock (fixtures/demo/provenance.*); --frozen leaves the lock as committed.
console.log('\nData provenance of the demo data:');
const provenance = spawnSync(
  process.execPath,
  [
    'packages/cli/bin/rai-audit.js',
    'data',
    'verify',
    '--ledger',
    'fixtures/demo/provenance.yaml',
    '--frozen',
    '--format',
    'html,json,md',
  ],
  { stdio: 'inherit' },
);
if (provenance.status !== 0) process.exit(provenance.status ?? 3);
console.log('Open reports/data/index.html for the provenance report.');
if (code === 0 || code === 1) {
  const card = spawnSync(
    process.execPath,
    [
      'packages/cli/bin/rai-audit.js',
      'card',
      'build',
      '--card',
      'fixtures/demo/model-card.yaml',
      '--bias',
      'reports/bias/audit.json',
      '--format',
      'html,json,md',
    ],
    { stdio: 'inherit' },
  );
  if ((card.status ?? 3) > 1) process.exit(card.status ?? 3);
  // The whole demo in one command: every area rai-audit.yaml describes, one report in reports/run/.
  const all = spawnSync(
    process.execPath,
    ['packages/cli/bin/rai-audit.js', 'run', '--format', 'html,json,junit,sarif,md'],
    { stdio: 'inherit' },
  );
  if ((all.status ?? 3) > 1) process.exit(all.status ?? 3);
  console.log(
    '\nOpen reports/run/index.html in a browser to read the combined report (every area of rai-audit.yaml);',
  );
  console.log('reports/bias/index.html is the bias audit on its own.');
  console.log(
    'The model card is in reports/card/: README.md (Hugging Face), bom.cdx.json (CycloneDX), model-card.html.',
  );
  if (code === 1) {
    console.log(
      'The FAIL is the expected finding: the demo data carries a deliberate disparity (fixtures/demo/README.md).',
    );
  }
  process.exit(0);
}
process.exit(code);
