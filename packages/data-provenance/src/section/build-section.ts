import type {
  Check,
  CheckLevel,
  DataProvenanceSection,
  ProvenanceDataset,
  ProvenanceLedger,
  ResolvedPolicy,
} from '@rai-audit/core';
import type { LicenseAudit, ProvenanceConflict } from '../licenses/audit-licenses.js';
import type { VerifiedDataset } from '../verify/verify-datasets.js';
import {
  DRIFT_CHECK,
  FILES_READABLE_CHECK,
  LICENSE_CONFLICT_CHECK,
  LICENSE_DECLARED_CHECK,
  TRAINING_PERMISSION_CHECK,
  dataProvenanceCheckDefinitions,
} from './check-definitions.js';

export interface SectionInput {
  ledgerPath: string;
  ledger: ProvenanceLedger;
  verified: readonly VerifiedDataset[];
  licenses: LicenseAudit;
  mode: 'cache' | 'full';
  intendedUse: string | null;
  modelLicense: string | null;
}

function datasetEntry(input: SectionInput, index: number): ProvenanceDataset {
  const dataset = input.ledger.datasets[index];
  const verified = input.verified.find((v) => v.name === dataset?.name);
  const licence = input.licenses.datasets.find((d) => d.name === dataset?.name);
  if (!dataset || !verified || !licence)
    throw new Error(`dataset ${index} has no verification or licence entry`);
  const files = Object.values(verified.locked?.files ?? {});
  return {
    name: dataset.name,
    ...(dataset.description ? { description: dataset.description } : {}),
    license: {
      declared: licence.declared,
      expression: licence.expression,
      ...(dataset.licenseUrl ? { url: dataset.licenseUrl } : {}),
    },
    terms: licence.terms,
    lineageTerms: licence.lineageTerms,
    sources: dataset.sources.map((source) => ({ ...source })),
    trainingPermission: dataset.trainingPermission?.status ?? 'unknown',
    usedFor: dataset.usedFor,
    derivedFrom: dataset.lineage?.derivedFrom ?? [],
    ...(dataset.lineage?.transformation ? { transformation: dataset.lineage.transformation } : {}),
    digest: verified.locked?.digest ?? null,
    fileCount: files.length,
    totalBytes: files.reduce((sum, file) => sum + file.size, 0),
    drift: verified.drift,
  };
}

/** The AuditResult section of a verify run. */
export function buildProvenanceSection(input: SectionInput): DataProvenanceSection {
  return {
    kind: 'data-provenance',
    id: 'data-provenance',
    title: 'Data provenance',
    ledger: input.ledgerPath,
    mode: input.mode,
    intendedUse: input.intendedUse,
    modelLicense: input.modelLicense,
    datasets: input.ledger.datasets.map((_, index) => datasetEntry(input, index)),
    conflicts: input.licenses.conflicts.map((conflict) => ({ ...conflict })),
  };
}

const TITLES = new Map(dataProvenanceCheckDefinitions.map((d) => [d.id, d.title]));

interface Finding {
  id: string;
  dataset: string;
  failed: boolean;
  /** A warn-severity conflict fails as a warning even at level error. */
  softFail?: boolean;
  message: string;
  evidence: string;
  remediation: string;
}

function toCheck(finding: Finding, level: CheckLevel): Check | undefined {
  if (level === 'off') return undefined;
  const status = !finding.failed ? 'pass' : finding.softFail || level === 'warn' ? 'warn' : 'fail';
  return {
    id: finding.id,
    area: 'data-provenance',
    title: TITLES.get(finding.id) ?? finding.id,
    level,
    status,
    message: finding.message,
    expected: null,
    actual: finding.failed ? 'fail' : 'pass',
    subject: { field: finding.dataset },
    evidence: finding.evidence,
    remediation: finding.remediation,
  };
}

const list = (items: readonly string[], max = 5): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

function driftFindings(dataset: ProvenanceDataset): Finding[] {
  const { drift } = dataset;
  const parts = [
    drift.changed.length ? `changed: ${list(drift.changed)}` : '',
    drift.missing.length ? `missing: ${list(drift.missing)}` : '',
    drift.added.length ? `new: ${list(drift.added)}` : '',
  ].filter(Boolean);
  const drifted = drift.status === 'drifted' || drift.status === 'not-locked';
  return [
    {
      id: DRIFT_CHECK,
      dataset: dataset.name,
      failed: drifted,
      message:
        drift.status === 'not-locked'
          ? `${dataset.name} is not in the lock file`
          : drifted
            ? `${dataset.name} drifted: ${parts.join('; ')}`
            : `${dataset.name}: ${dataset.fileCount} files as recorded`,
      evidence: `${drift.hashed} hashed, ${drift.fromCache} trusted from size and mtime, ${drift.upgraded} md5 entries upgraded; digest ${dataset.digest ?? 'none'}`,
      remediation:
        'if the change is intended, record it with `rai-audit data add` (or `data verify --update`); otherwise restore the files',
    },
    {
      id: FILES_READABLE_CHECK,
      dataset: dataset.name,
      failed: drift.problems.length > 0,
      message: drift.problems.length
        ? `${drift.problems.length} entries could not be hashed: ${list(drift.problems.map((p) => `${p.path} (${p.reason})`))}`
        : 'every tracked file was readable',
      evidence: drift.problems.map((p) => `${p.path}: ${p.message}`).join('; ') || 'no problems',
      remediation:
        'remove links that leave the ledger folder or loop, FIFOs and unreadable files from the tracked paths, or fix their permissions',
    },
  ];
}

function licenceFindings(dataset: ProvenanceDataset, conflicts: readonly ProvenanceConflict[]): Finding[] {
  const mine = conflicts.filter((c) => c.subject === dataset.name);
  const licenceConflicts = mine.filter((c) => !c.code.startsWith('training-') && c.code !== 'terms-unknown');
  const training = mine.filter((c) => c.code.startsWith('training-'));
  const undeclared = dataset.license.expression === null || dataset.terms.unknownIds.length > 0;
  return [
    {
      id: LICENSE_DECLARED_CHECK,
      dataset: dataset.name,
      failed: undeclared,
      message:
        dataset.license.expression === null
          ? `${dataset.name} declares no licence`
          : undeclared
            ? `the terms of ${list(dataset.terms.unknownIds)} are unknown to rai-audit`
            : `${dataset.name}: ${dataset.license.expression}`,
      evidence: `declared: ${dataset.license.declared ?? 'none'}`,
      remediation:
        'declare the licence as an SPDX expression in provenance.yaml (license:), with licenseText or licenseUrl for a licence without an SPDX id',
    },
    {
      id: LICENSE_CONFLICT_CHECK,
      dataset: dataset.name,
      failed: licenceConflicts.length > 0,
      softFail: licenceConflicts.every((c) => c.severity === 'warn'),
      message: licenceConflicts.length
        ? licenceConflicts.map((c) => c.message).join('; ')
        : 'no licence conflict',
      evidence: `commercial use ${dataset.lineageTerms.commercialUse}, share-alike ${dataset.lineageTerms.shareAlike}, no-derivatives ${dataset.lineageTerms.noDerivatives}, use restrictions ${dataset.lineageTerms.useRestrictions} (along lineage)`,
      remediation: 'change the intended use or the model licence, or replace the dataset',
    },
    {
      id: TRAINING_PERMISSION_CHECK,
      dataset: dataset.name,
      failed: training.length > 0,
      softFail: training.every((c) => c.severity === 'warn'),
      message: training.length
        ? training.map((c) => c.message).join('; ')
        : `training permission: ${dataset.trainingPermission}`,
      evidence: `used for: ${dataset.usedFor.join(', ') || 'not stated'}`,
      remediation:
        'record trainingPermission (status and source) in provenance.yaml, or stop training on the dataset',
    },
  ];
}

/** One check per dataset and concern, at the levels of the policy. */
export function provenanceChecks(
  section: DataProvenanceSection,
  policy: Pick<ResolvedPolicy, 'checks'>,
): Check[] {
  const checks: Check[] = [];
  for (const dataset of section.datasets) {
    for (const finding of [
      ...driftFindings(dataset),
      ...licenceFindings(dataset, section.conflicts as ProvenanceConflict[]),
    ]) {
      const check = toCheck(finding, policy.checks[finding.id]?.level ?? 'error');
      if (check) checks.push(check);
    }
  }
  return checks;
}
