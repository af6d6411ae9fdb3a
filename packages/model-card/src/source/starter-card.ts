export interface StarterOptions {
  name: string;
  license?: string;
  owner?: string;
  generative?: boolean;
  pipelineTag?: string;
}

/** A double-quoted YAML scalar on one line (JSON's escapes are YAML's): no answer can break the file. */
const scalar = (value: string): string => JSON.stringify(value);

/** The commented starter card `rai-audit card init` writes; every TODO is flagged by `card check` until replaced. */
export function starterCard(options: StarterOptions): string {
  const generative = options.generative ?? false;
  return `# yaml-language-server: $schema=https://unpkg.com/@rai-audit/core/schema/model-card.schema.json
# Model card source for rai-audit (sections of "Model Cards for Model Reporting", Mitchell et al. 2019).
# Build: rai-audit card build --card model-card.yaml --bias reports/bias/audit.json
# Lint:  rai-audit card check --card model-card.yaml
model:
  name: ${scalar(options.name)}
  version: "0.1.0"
  type: binary classifier            # what the model does
  generative: ${generative}               # true: the model generates content, and outputTerms are required
  description: TODO one paragraph on what the model is and does
  owners:
    - name: ${scalar(options.owner ?? 'TODO team name')}
      contact: TODO e-mail or URL
  license: ${scalar(options.license ?? 'Apache-2.0')}          # SPDX expression
intendedUse:
  primaryUses: [TODO the use the model is built for]
  primaryUsers: [TODO who uses it]
  outOfScopeUses: [TODO what it must not be used for]
factors:
  relevant:                          # every group here needs a metric with n and interval from an audit
    - attribute: sex
      groups: [female, male]
metrics:
  measures: [accuracy, selection_rate, tpr, fpr]
  headline: [accuracy]               # published in the Hub model-index
  decisionThresholds: TODO how predictions are made from scores
evaluationData:
  - name: TODO evaluation set
    path: data/eval.csv              # its sha256 is compared with the audits' (stale metrics)
    license: CC-BY-4.0
trainingData:
  - name: TODO training set
    source: TODO where it came from
    license: CC-BY-4.0
    collection: TODO how it was collected
ethicalConsiderations:
  - risk: TODO a harm the model could cause
    mitigation: TODO what was done about it
limitations: [TODO a known limitation]
recommendations: [TODO how to use the model well]
${generative ? '' : '# '}outputTerms:                         # required for generative models
${generative ? '' : '# '}  ownership: TODO who owns what the model generates
${generative ? '' : '# '}  license: TODO licence of outputs
${generative ? '' : '# '}  trainingOtherModels: not-allowed  # allowed | not-allowed | conditional
huggingFace:
  pipelineTag: ${scalar(options.pipelineTag ?? 'tabular-classification')}
  libraryName: sklearn
  tags: [fairness-audited]
environmentalImpact:
  hardwareType: CPU
  hoursUsed: 1
`;
}
