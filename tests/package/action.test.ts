import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { predictionCsv } from '../cli/run-cli.js';
import { repoRoot } from '../shared-fixtures.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const steps = action.runs.steps;
const step = (name: string): Step => {
  const found = steps.find((candidate) => candidate.name === name);
  if (!found)
    throw new Error(`action.yml has no step named "${name}"; steps: ${steps.map((s) => s.name).join(', ')}`);
  return found;
};

/** The `with:` of every step in the docs' YAML examples that uses this action (`uses: …/rai-audit@…`). */
function documentedUses(file: string): Array<Record<string, unknown>> {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const uses: Array<Record<string, unknown>> = [];
  for (const [, block] of text.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    for (const document of parseAllDocuments(block!)) {
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>;
          if (typeof record.uses === 'string' && /\/rai-audit@/.test(record.uses)) {
            uses.push((record.with ?? {}) as Record<string, unknown>);
          }
          Object.values(record).forEach(visit);
        }
      };
      visit(document.toJS());
    }
  }
  return uses;
}

describe('action.yml, the rai-audit GitHub Action', () => {
  it('is a composite action that sets up Node 20 and builds rai-audit from its own checkout', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(action.inputs['node-version']?.default).toBe('20');
    expect(step('Install and build rai-audit').run).toMatch(
      /cd "\$GITHUB_ACTION_PATH"[\s\S]*pnpm@[\d.]+ install/,
    );
    expect(step('Run rai-audit').run).toContain('"$GITHUB_ACTION_PATH/packages/cli/bin/rai-audit.js"');
  });

  it('has the inputs the docs name, and refers only to inputs and steps it declares', () => {
    expect(action.inputs.command?.default).toBe('run');
    for (const name of [
      'working-directory',
      'out',
      'formats',
      'upload-report',
      'artifact-name',
      'upload-sarif',
    ]) {
      expect(action.inputs[name]?.description, `input ${name}`).toBeTruthy();
    }
    const referencedInputs = [...actionText.matchAll(/inputs\.([\w-]+)/g)].map((match) => match[1]!);
    expect(referencedInputs.filter((name) => !(name in action.inputs))).toEqual([]);
    const ids = new Set(steps.map((s) => s.id).filter(Boolean));
    const referencedSteps = [...actionText.matchAll(/steps\.([\w-]+)\.outputs/g)].map((match) => match[1]!);
    expect(referencedSteps.filter((id) => !ids.has(id))).toEqual([]);
    const used = [...documentedUses('README.md'), ...documentedUses('docs/ci.md')];
    expect(used.length).toBeGreaterThanOrEqual(2);
    for (const inputs of used)
      expect(Object.keys(inputs).filter((name) => !(name in action.inputs))).toEqual([]);
  });

  it('publishes the summary, the report artifact and (when asked) SARIF whatever the outcome, then fails as the CLI did', () => {
    expect(step('Job summary').if).toMatch(/^always\(\)/);
    expect(step('Upload the report')).toMatchObject({
      uses: expect.stringMatching(/^actions\/upload-artifact@v4$/),
      if: expect.stringMatching(/^always\(\) && inputs\.upload-report == 'true'/),
    });
    expect(step('Upload SARIF')).toMatchObject({
      uses: expect.stringMatching(/^github\/codeql-action\/upload-sarif@v3$/),
      if: expect.stringMatching(/^always\(\) && inputs\.upload-sarif == 'true'/),
    });
    const last = steps.at(-1)!;
    expect(last.if).toBe("steps.run.outputs.exit-code != '0'");
    expect(last.run).toMatch(/exit "\$EXIT_CODE"/);
  });

  // Runs the action's own shell steps as GitHub would (bash -eo pipefail), on the built CLI (`pnpm build` first).
  it('runs the command with its quoted arguments and writes summary.md into the job summary', () => {
    const work = mkdtempSync(join(tmpdir(), 'rai-audit-action-'));
    writeFileSync(
      join(work, 'log file.csv'),
      predictionCsv('sex', { female: [10, 10, 50, 10], male: [30, 10, 30, 10] }),
    );
    const outputs = join(work, 'github-output');
    const summary = join(work, 'step-summary.md');
    writeFileSync(outputs, '');
    writeFileSync(summary, '');
    const runStep = (s: Step, env: Record<string, string>) =>
      spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], {
        cwd: work,
        encoding: 'utf8',
        env: {
          ...process.env,
          GITHUB_ACTION_PATH: repoRoot,
          GITHUB_OUTPUT: outputs,
          GITHUB_STEP_SUMMARY: summary,
          SOURCE_DATE_EPOCH: '1764331200',
          ...env,
        },
      });
    const run = runStep(step('Run rai-audit'), {
      RAI_AUDIT_COMMAND: `bias 'log file.csv' -a sex -l label -p prediction`,
      RAI_AUDIT_OUT: 'rai-reports',
      RAI_AUDIT_FORMATS: 'json,md',
    });
    expect(run.status, run.stderr).toBe(0);
    const written = Object.fromEntries(
      readFileSync(outputs, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    expect(written).toEqual({ 'exit-code': '1', 'report-dir': join(work, 'rai-reports') });
    const summaryStep = runStep(step('Job summary'), { REPORT_DIR: written['report-dir']!, EXIT_CODE: '1' });
    expect(summaryStep.status, summaryStep.stderr).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/rai-audit bias: FAIL/);
    const gate = runStep(steps.at(-1)!, { EXIT_CODE: '1' });
    expect(gate.status).toBe(1);
  });
});
