import {
  combineLicenseTerms,
  findLicenseConflicts,
  licenseTerms,
  parseLicenseExpression,
  type IntendedUse,
  type LedgerDataset,
  type LicenseConflict,
  type LicenseTerms,
  type ProvenanceLedger,
} from '@rai-audit/core';

export interface DatasetLicense {
  name: string;
  declared: string | null;
  expression: string | null;
  terms: LicenseTerms;
  /** The most restrictive terms of the dataset and everything it derives from. */
  lineageTerms: LicenseTerms;
}

/** A licence conflict, or one about sources (`sources-disagree`) or training permission (`training-not-allowed`). */
export interface ProvenanceConflict {
  code:
    | LicenseConflict['code']
    | 'sources-disagree'
    | 'training-not-allowed'
    | 'training-constrained'
    | 'training-unknown';
  severity: 'error' | 'warn';
  subject: string;
  message: string;
}

export interface LicenseAudit {
  datasets: DatasetLicense[];
  conflicts: ProvenanceConflict[];
}

export interface LicenseAuditOptions {
  intendedUse?: IntendedUse;
  modelLicense?: string;
}

function termsOf(dataset: LedgerDataset): LicenseTerms {
  // A dataset with only source licences is bound by all of them; with none at all its terms are unknown.
  const declared = [dataset.license, ...dataset.sources.map((source) => source.license)].filter(
    (text): text is string => text !== undefined,
  );
  if (declared.length === 0) return licenseTerms('LicenseRef-undeclared');
  return combineLicenseTerms(declared.map((text) => licenseTerms(text)));
}

function ancestors(ledger: ProvenanceLedger, name: string): string[] {
  const byName = new Map(ledger.datasets.map((dataset) => [dataset.name, dataset]));
  const seen = new Set<string>();
  const stack = [...(byName.get(name)?.lineage?.derivedFrom ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next) || next === name) continue;
    seen.add(next);
    stack.push(...(byName.get(next)?.lineage?.derivedFrom ?? []));
  }
  return [...seen].sort();
}

function sourceDisagreements(dataset: LedgerDataset): ProvenanceConflict[] {
  const canonical = (text: string): string => {
    const parsed = parseLicenseExpression(text);
    return parsed.ok ? parsed.expression : text;
  };
  const licences = new Set(
    [dataset.license, ...dataset.sources.map((source) => source.license)]
      .filter((t): t is string => !!t)
      .map(canonical),
  );
  if (licences.size <= 1) return [];
  return [
    {
      code: 'sources-disagree',
      severity: 'warn',
      subject: dataset.name,
      message: `its sources state different licences (${[...licences].sort().join('; ')}); the most restrictive terms apply`,
    },
  ];
}

function trainingConflicts(dataset: LedgerDataset): ProvenanceConflict[] {
  const training = dataset.usedFor.some((use) => use === 'training' || use === 'fine-tuning');
  const status = dataset.trainingPermission?.status ?? 'unknown';
  if (!training || status === 'allowed') return [];
  const where = dataset.trainingPermission?.source ? ` (${dataset.trainingPermission.source})` : '';
  return [
    {
      code:
        status === 'not-allowed'
          ? 'training-not-allowed'
          : status === 'constrained'
            ? 'training-constrained'
            : 'training-unknown',
      severity: status === 'not-allowed' ? 'error' : 'warn',
      subject: dataset.name,
      message:
        status === 'not-allowed'
          ? `it is used for training but its source does not allow AI training${where}`
          : status === 'constrained'
            ? `it is used for training and its source allows AI training only under conditions${where}`
            : 'it is used for training and whether its source allows AI training is not recorded',
    },
  ];
}

/** Every licence along a dataset's lineage (its own, its sources', its ancestors'), joined with AND. */
function lineageExpression(ledger: ProvenanceLedger, name: string): string | undefined {
  const names = [name, ...ancestors(ledger, name)];
  const texts = ledger.datasets
    .filter((dataset) => names.includes(dataset.name))
    .flatMap((dataset) => [dataset.license, ...dataset.sources.map((source) => source.license)])
    .filter((text): text is string => text !== undefined)
    .map((text) => parseLicenseExpression(text))
    .flatMap((parsed) => (parsed.ok ? [`(${parsed.expression})`] : []));
  return texts.length > 0 ? texts.join(' AND ') : undefined;
}

/** Licence terms per dataset (alone and along lineage) and every conflict with uses, sources and the model licence. */
export function auditLicenses(ledger: ProvenanceLedger, options: LicenseAuditOptions = {}): LicenseAudit {
  const own = new Map(ledger.datasets.map((dataset) => [dataset.name, termsOf(dataset)]));
  const intendedUse = options.intendedUse ?? ledger.intendedUse;
  const modelLicense = options.modelLicense ?? ledger.model?.license;
  const datasets: DatasetLicense[] = [];
  const conflicts: ProvenanceConflict[] = [];
  for (const dataset of ledger.datasets) {
    const terms = own.get(dataset.name) as LicenseTerms;
    const lineageTerms = combineLicenseTerms([
      terms,
      ...ancestors(ledger, dataset.name).map((n) => own.get(n) as LicenseTerms),
    ]);
    const parsed = dataset.license ? parseLicenseExpression(dataset.license) : undefined;
    datasets.push({
      name: dataset.name,
      declared: dataset.license ?? null,
      expression: parsed?.ok ? parsed.expression : null,
      terms,
      lineageTerms,
    });
    const trained =
      dataset.usedFor.length === 0 ||
      dataset.usedFor.some((use) => use === 'training' || use === 'fine-tuning');
    conflicts.push(
      ...findLicenseConflicts({
        subject: dataset.name,
        terms: lineageTerms,
        expression: lineageExpression(ledger, dataset.name),
        intendedUse,
        modelLicense: trained ? modelLicense : undefined,
      }),
      ...sourceDisagreements(dataset),
      ...trainingConflicts(dataset),
    );
  }
  return { datasets, conflicts };
}
