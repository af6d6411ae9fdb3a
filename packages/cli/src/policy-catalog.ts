import type { PolicySources } from './policy-loader.js';

/**
 * Every check rai-audit knows, from every domain package, so that one policy file can configure all commands:
 * a bias run accepts the `assets:` rules and `c2pa.*` levels meant for `assets verify`, and the reverse.
 */
export async function loadPolicySources(): Promise<PolicySources> {
  // The light `checks` entries: reading a policy must not load DuckDB, the image codecs or the C2PA WebAssembly.
  const [bias, credentials, card, provenance] = await Promise.all([
    import('@rai-audit/bias/checks'),
    import('@rai-audit/content-credentials/checks'),
    import('@rai-audit/model-card/checks'),
    import('@rai-audit/data-provenance/checks'),
  ]);
  return {
    definitions: [
      ...bias.biasCheckDefinitions,
      ...bias.datasetCheckDefinitions,
      ...credentials.contentCredentialsCheckDefinitions,
      ...card.modelCardCheckDefinitions,
      ...provenance.dataProvenanceCheckDefinitions,
    ],
    presets: { ...bias.biasPresets },
  };
}
