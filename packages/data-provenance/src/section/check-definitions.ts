import { ProvenanceLockSchema, type CheckDefinition } from '@rai-audit/core';

export const DRIFT_CHECK = 'provenance.drift';
export const FILES_READABLE_CHECK = 'provenance.files-readable';
export const LICENSE_CONFLICT_CHECK = 'provenance.license-conflict';
export const LICENSE_DECLARED_CHECK = 'provenance.license-declared';
export const TRAINING_PERMISSION_CHECK = 'provenance.training-permission';

// No options: an empty strict object schema taken from core (this package does not depend on zod itself).
const NoOptions: CheckDefinition['options'] = ProvenanceLockSchema.pick({});

function definition(
  id: string,
  title: string,
  description: string,
  defaultLevel: 'error' | 'warn',
): CheckDefinition {
  return {
    id,
    area: 'data-provenance',
    title,
    description,
    defaultLevel,
    options: NoOptions,
    defaultOptions: {},
  };
}

/** The checks of `rai-audit data verify`; `checks:` in a policy sets their levels. */
export const dataProvenanceCheckDefinitions: CheckDefinition[] = [
  definition(
    DRIFT_CHECK,
    'Dataset unchanged since recorded',
    'Every file of the dataset has the sha256 the lock records; none is missing or new.',
    'error',
  ),
  definition(
    FILES_READABLE_CHECK,
    'Tracked files readable',
    'Every tracked entry is a regular file inside the ledger folder that could be read without changing.',
    'error',
  ),
  definition(
    LICENSE_DECLARED_CHECK,
    'Licence declared',
    'The dataset declares a licence as an SPDX expression whose terms rai-audit knows.',
    'warn',
  ),
  definition(
    LICENSE_CONFLICT_CHECK,
    'Licence compatible with its use',
    'The licence terms along lineage allow the intended use and the model licence (non-commercial, share-alike, no-derivatives, use restrictions).',
    'error',
  ),
  definition(
    TRAINING_PERMISSION_CHECK,
    'Training permitted by the source',
    'A dataset used for training comes from a source that allows AI training.',
    'warn',
  ),
];
