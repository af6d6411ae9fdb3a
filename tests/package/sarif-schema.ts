import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// ajv-draft-04 is CommonJS: under NodeNext its default import is module.exports, whose `default` is the class.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

/** The errors of validating `log` against the SARIF 2.1.0 schema (draft-04), as readable lines; [] when valid. */
export function validSarifErrors(schema: unknown, log: unknown): string[] {
  const ajv = new AjvDraft04({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath}: ${error.message ?? ''}`);
}
