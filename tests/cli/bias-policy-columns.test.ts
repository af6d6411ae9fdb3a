import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

describe('rai-audit bias with columns named in the policy file', () => {
  const dir = tempDir();
  const data = join(dir, 'log.csv');
  writeFileSync(data, predictionCsv('sex', { female: [15, 5, 45, 35], male: [40, 10, 40, 10] }));

  it('takes attributes, label and prediction from the bias: block when the flags are absent', async () => {
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'bias:\n  attributes: [sex]\n  label: label\n  prediction: prediction\n');
    const out = join(dir, 'out');
    const run = await runCli(['bias', data, '--policy', policy, '--out', out]);
    expect(run.code).toBe(1); // demographic parity ratio 0.4 < 0.8
    const result = JSON.parse(readFileSync(join(out, 'bias', 'audit.json'), 'utf8'));
    expect(result.sections[0].columns).toMatchObject({
      attributes: ['sex'],
      label: 'label',
      prediction: 'prediction',
    });
  });

  it('lets a flag win over the policy', async () => {
    const policy = join(dir, 'policy-label.yaml');
    writeFileSync(policy, 'bias:\n  attributes: [sex]\n  label: no_such_column\n');
    const run = await runCli(['bias', data, '--policy', policy, '-l', 'label', '--out', join(dir, 'out2')]);
    expect(run.stderr).not.toMatch(/no_such_column/);
    expect(run.code).toBe(0); // a dataset audit: no prediction, the label from the flag
  });

  it('still needs a label from one of them, and rejects unknown keys in the block', async () => {
    const noLabel = await runCli(['bias', data, '-a', 'sex', '-p', 'prediction', '--out', join(dir, 'out3')]);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/--label/);
    const policy = join(dir, 'policy-typo.yaml');
    writeFileSync(policy, 'bias:\n  lable: label\n');
    const typo = await runCli(['bias', data, '--policy', policy, '--out', join(dir, 'out4')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/policy-typo\.yaml:\d+:\d+: bias/);
    expect(typo.stderr).toMatch(/lable/);
  });
});
