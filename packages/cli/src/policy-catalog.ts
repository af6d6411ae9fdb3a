import type { PolicySources } from './policy-loader.js';

/**
 * Every check rai-audit knows, from every domain package, so that one policy file can configure all commands:
 * a bias run accepts the `assets:` rules and `c2pa.*` levels meant for `assets verify`, and the reverse.
 */
export async function loadPolicySources(): Promise<PolicySources> {
  const [bias, credentials] = await Promise.all([
    import('@rai-audit/bias'),
    import('@rai-audit/content-credentials'),
  ]);
  return {
    definitions: [
      ...bias.biasCheckDefinitions,
      ...bias.datasetCheckDefinitions,
      ...credentials.contentCredentialsCheckDefinitions,
    ],
    presets: { ...bias.biasPresets },
  };
}
