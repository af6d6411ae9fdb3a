import {
  combineLicenseTerms,
  findLicenseConflicts,
  licenseTerms,
  type CardDataRecord,
  type ModelCardSource,
} from '@rai-audit/core';
import type { HubEvalResult } from '../hub/hub-metadata.js';
import { hubLicense } from '../hub/hub-license.js';
import { CARD_CHECKS } from './check-definitions.js';
import type { CardFinding } from './card-finding.js';

/** The model's licence against each training dataset's (obligations carried from data to model). */
export function licenseConflictFindings(
  card: ModelCardSource,
  data: readonly CardDataRecord[],
): CardFinding[] {
  const model = card.model.license;
  const training = data.filter((d) => d.role === 'training' && d.license);
  if (!model || training.length === 0) {
    return [
      {
        id: CARD_CHECKS.licenseConflicts,
        outcome: 'not-applicable',
        message: model ? 'no training data licence to compare with' : 'the model states no licence',
        subject: { field: 'model.license' },
        remediation: 'State model.license and the licence of each training dataset',
      },
    ];
  }
  return training.map((dataset): CardFinding => {
    const license = dataset.license as string;
    const conflicts = findLicenseConflicts({
      subject: dataset.name,
      terms: licenseTerms(license),
      expression: license,
      modelLicense: model,
    }).filter((c) => c.severity === 'error' || c.code === 'model-license-drops-share-alike');
    return {
      id: CARD_CHECKS.licenseConflicts,
      outcome: conflicts.length > 0 ? 'fail' : 'pass',
      message:
        conflicts.length > 0
          ? conflicts.map((c) => c.message).join('; ')
          : `${model} keeps the obligations of ${dataset.name} (${license})`,
      subject: { field: 'model.license', file: dataset.name },
      actual: model,
      evidence: `${dataset.name}: ${license} (from the ${dataset.origin} record)`,
      remediation:
        'Choose a model licence that carries the training data’s terms (e.g. non-commercial, share-alike), or replace the data',
    };
  });
}

/** Output terms that grant what the model licence does not: commercial use of the outputs of a non-commercial model. */
export function outputTermsLicenseFindings(
  card: ModelCardSource,
  data: readonly CardDataRecord[],
): CardFinding {
  const outputLicense = card.outputTerms?.license;
  const model = card.model.license;
  if (!outputLicense || !model) {
    return {
      id: CARD_CHECKS.outputTermsLicense,
      outcome: 'not-applicable',
      message: 'no output licence or no model licence to compare',
      subject: { field: 'outputTerms.license' },
      remediation: 'State outputTerms.license',
    };
  }
  const modelTerms = combineLicenseTerms([
    licenseTerms(model),
    ...data.filter((d) => d.role === 'training' && d.license).map((d) => licenseTerms(d.license as string)),
  ]);
  const outputTerms = licenseTerms(outputLicense);
  const conflict = modelTerms.commercialUse === 'not-allowed' && outputTerms.commercialUse === 'allowed';
  return {
    id: CARD_CHECKS.outputTermsLicense,
    outcome: conflict ? 'fail' : 'pass',
    message: conflict
      ? `outputs are licensed ${outputLicense}, which allows commercial use, but the model (or its training data) is non-commercial`
      : `output licence ${outputLicense} is consistent with ${model}`,
    subject: { field: 'outputTerms.license' },
    actual: outputLicense,
    remediation: 'License the outputs no more broadly than the model and its training data allow',
  };
}

/** The licence as the Hub and SBOM tools will see it. */
export function hubLicenseFinding(card: ModelCardSource): CardFinding {
  const license = card.model.license;
  if (!license)
    return {
      id: CARD_CHECKS.hubLicense,
      outcome: 'not-applicable',
      message: 'the model states no licence',
      subject: { field: 'model.license' },
      remediation: 'State model.license',
    };
  const hub = hubLicense(license);
  return {
    id: CARD_CHECKS.hubLicense,
    outcome: hub.noSpdxEquivalent ? 'fail' : 'pass',
    message: hub.noSpdxEquivalent
      ? `${license} has no SPDX equivalent: the Hub shows "${hub.license}", SBOM tools see an unresolvable LicenseRef`
      : `Hub licence id ${hub.license}${hub.license_name ? ` (${hub.license_name})` : ''}`,
    subject: { field: 'model.license' },
    actual: hub.license,
    remediation: 'Prefer a licence with an SPDX id, or link its full text with model.licenseLink',
  };
}

/** Headline results the Hub would drop, with the reason; `kept` are the results safe to write. */
export function modelIndexFindings(
  results: readonly HubEvalResult[],
  dropped: ReadonlyArray<{ metric: string; reason: string }>,
): CardFinding[] {
  if (results.length === 0 && dropped.length === 0) {
    return [
      {
        id: CARD_CHECKS.hubModelIndex,
        outcome: 'not-applicable',
        message: 'no headline result to publish',
        subject: { field: 'metrics.headline' },
        remediation: 'Pass a bias audit with --bias',
      },
    ];
  }
  return [
    ...results.map((r): CardFinding => ({
      id: CARD_CHECKS.hubModelIndex,
      outcome: 'pass',
      message: `model-index: ${r.metrics.map((m) => m.type).join(', ')} on ${r.dataset.name}`,
      subject: { field: 'model-index' },
      remediation: '',
    })),
    ...dropped.map((d): CardFinding => ({
      id: CARD_CHECKS.hubModelIndex,
      outcome: 'fail',
      message: `model-index entry ${d.metric} left out: ${d.reason}`,
      subject: { field: 'model-index', metric: d.metric },
      remediation: 'Set huggingFace.pipelineTag and evaluationData[0].hubId, and report numeric values',
    })),
  ];
}
