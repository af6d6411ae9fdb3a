import type {
  ActionEvidence,
  ClaimGeneratorEvidence,
  IngredientEvidence,
  ManifestEvidence,
  SignerEvidence,
  SoftBindingEvidence,
} from './evidence.js';
import { asArray, asRecord, stringField, type JsonRecord } from './untyped-json.js';

const ACTIONS_LABEL = /^c2pa\.actions(\.v2)?(__\d+)?$/;
const SOFT_BINDING_LABEL = /^c2pa\.soft-binding(__\d+)?$/;
/** Ingredient chains deeper than this are cut: a hostile file can nest manifests far beyond any real edit history. */
export const MAX_INGREDIENT_DEPTH = 32;

interface LabelledAssertion {
  readonly label: string;
  readonly data: JsonRecord | undefined;
}

function readAssertions(manifest: JsonRecord): LabelledAssertion[] {
  return asArray(manifest['assertions']).flatMap((item) => {
    const assertion = asRecord(item);
    const label = stringField(assertion, 'label');
    return label === null ? [] : [{ label, data: asRecord(assertion?.['data']) }];
  });
}

/** `softwareAgent` is a string in actions v1 and a ClaimGeneratorInfo object (`name`, `version`) in v2. */
function readSoftwareAgent(action: JsonRecord | undefined): string | null {
  const agent = action?.['softwareAgent'];
  if (typeof agent === 'string') return agent;
  const info = asRecord(agent);
  const name = stringField(info, 'name');
  if (name === null) return null;
  const version = stringField(info, 'version');
  return version === null ? name : `${name} ${version}`;
}

function readActions(assertions: readonly LabelledAssertion[]): ActionEvidence[] {
  return assertions
    .filter((assertion) => ACTIONS_LABEL.test(assertion.label))
    .flatMap((assertion) =>
      asArray(assertion.data?.['actions']).flatMap((item) => {
        const action = asRecord(item);
        const name = stringField(action, 'action');
        if (name === null) return [];
        return [
          {
            assertion: assertion.label,
            action: name,
            digitalSourceType: stringField(action, 'digitalSourceType'),
            softwareAgent: readSoftwareAgent(action),
            when: stringField(action, 'when'),
          },
        ];
      }),
    );
}

function readSoftBindings(assertions: readonly LabelledAssertion[]): SoftBindingEvidence[] {
  return assertions
    .filter((assertion) => SOFT_BINDING_LABEL.test(assertion.label))
    .flatMap((assertion) => {
      const alg = stringField(assertion.data, 'alg');
      const blocks = asArray(assertion.data?.['blocks']);
      if (blocks.length === 0) return [{ assertion: assertion.label, alg, value: null }];
      return blocks.map((block) => ({
        assertion: assertion.label,
        alg,
        value: stringField(asRecord(block), 'value'),
      }));
    });
}

function readIngredients(manifest: JsonRecord): IngredientEvidence[] {
  return asArray(manifest['ingredients']).map((item) => {
    const ingredient = asRecord(item);
    return {
      title: stringField(ingredient, 'title'),
      format: stringField(ingredient, 'format'),
      relationship: stringField(ingredient, 'relationship'),
      manifestLabel: stringField(ingredient, 'active_manifest'),
    };
  });
}

function readSigner(manifest: JsonRecord): SignerEvidence {
  const info = asRecord(manifest['signature_info']);
  return {
    issuer: stringField(info, 'issuer'),
    commonName: stringField(info, 'common_name'),
    algorithm: stringField(info, 'alg'),
    certSerialNumber: stringField(info, 'cert_serial_number'),
    time: stringField(info, 'time'),
  };
}

function readClaimGeneratorInfo(manifest: JsonRecord): ClaimGeneratorEvidence[] {
  return asArray(manifest['claim_generator_info']).flatMap((item) => {
    const info = asRecord(item);
    const name = stringField(info, 'name');
    return name === null ? [] : [{ name, version: stringField(info, 'version') }];
  });
}

function readManifest(label: string, manifest: JsonRecord, depth: number): ManifestEvidence {
  const assertions = readAssertions(manifest);
  const claimGeneratorInfo = readClaimGeneratorInfo(manifest);
  return {
    label,
    role: depth === 0 ? 'active' : 'ingredient',
    depth,
    title: stringField(manifest, 'title'),
    format: stringField(manifest, 'format'),
    // v2 claims drop the `claim_generator` string; the first `claim_generator_info` entry names the same tool.
    claimGenerator: stringField(manifest, 'claim_generator') ?? claimGeneratorInfo[0]?.name ?? null,
    claimGeneratorInfo,
    signer: readSigner(manifest),
    actions: readActions(assertions),
    ingredients: readIngredients(manifest),
    softBindings: readSoftBindings(assertions),
  };
}

/**
 * The active manifest and every manifest reachable through ingredients, breadth first. Each manifest appears
 * once: a store whose ingredients point back to an earlier manifest (a loop) cannot make the walk run forever.
 */
export function walkManifests(store: JsonRecord, activeLabel: string): ManifestEvidence[] {
  const manifests = asRecord(store['manifests']) ?? {};
  const visited = new Set<string>();
  const queue: { label: string; depth: number }[] = [{ label: activeLabel, depth: 0 }];
  const walked: ManifestEvidence[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const manifest = asRecord(manifests[next.label]);
    if (visited.has(next.label) || manifest === undefined) continue;
    visited.add(next.label);
    const evidence = readManifest(next.label, manifest, next.depth);
    walked.push(evidence);
    if (next.depth >= MAX_INGREDIENT_DEPTH) continue;
    for (const ingredient of evidence.ingredients) {
      if (ingredient.manifestLabel !== null)
        queue.push({ label: ingredient.manifestLabel, depth: next.depth + 1 });
    }
  }
  return walked;
}

/** Number of manifests in the store, whether or not an ingredient references them. */
export function countManifests(store: JsonRecord): number {
  return Object.keys(asRecord(store['manifests']) ?? {}).length;
}
