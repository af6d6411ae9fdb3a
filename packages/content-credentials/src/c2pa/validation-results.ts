import type {
  ContentCredentialsValidation,
  IngredientValidationDelta,
  ValidationState,
  ValidationStatusEntry,
  ValidationStatusGroups,
} from './evidence.js';
import { asArray, asRecord, stringField, type JsonRecord } from './untyped-json.js';

const VALIDATION_STATES: readonly ValidationState[] = ['Invalid', 'Valid', 'Trusted'];

function readStatusEntries(value: unknown): ValidationStatusEntry[] {
  return asArray(value).flatMap((item) => {
    const entry = asRecord(item);
    const code = stringField(entry, 'code');
    if (code === null) return [];
    return [{ code, explanation: stringField(entry, 'explanation'), url: stringField(entry, 'url') }];
  });
}

function readStatusGroups(value: unknown): ValidationStatusGroups {
  const groups = asRecord(value);
  return {
    success: readStatusEntries(groups?.['success']),
    informational: readStatusEntries(groups?.['informational']),
    failure: readStatusEntries(groups?.['failure']),
  };
}

function readIngredientDeltas(value: unknown): IngredientValidationDelta[] {
  return asArray(value).map((item) => {
    const delta = asRecord(item);
    return {
      ingredientAssertionUri: stringField(delta, 'ingredientAssertionURI') ?? '',
      ...readStatusGroups(delta?.['validationDeltas']),
    };
  });
}

/**
 * The validation state, as c2pa-rs computed it. When the store lacks `validation_state` (older readers) it is
 * derived the same way: any failure other than the tolerated `signingCredential.untrusted` makes it Invalid.
 */
function readValidationState(store: JsonRecord, failures: readonly ValidationStatusEntry[]): ValidationState {
  const reported = stringField(store, 'validation_state');
  const known = VALIDATION_STATES.find((state) => state === reported);
  if (known) return known;
  return failures.some((entry) => entry.code !== 'signingCredential.untrusted') ? 'Invalid' : 'Valid';
}

/** Every status code of the active manifest and of each ingredient delta, with its explanation. */
export function readValidation(store: JsonRecord): ContentCredentialsValidation {
  const results = asRecord(store['validation_results']);
  const activeManifest = readStatusGroups(results?.['activeManifest']);
  const ingredientDeltas = readIngredientDeltas(results?.['ingredientDeltas']);
  const status = readStatusEntries(store['validation_status']);
  const failures = [...activeManifest.failure, ...ingredientDeltas.flatMap((delta) => delta.failure)];
  return { state: readValidationState(store, failures), activeManifest, ingredientDeltas, status };
}
