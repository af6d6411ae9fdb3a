import { parseLicenseExpression } from '@rai-audit/core';

/**
 * Hugging Face licence ids that have no SPDX id, by the LicenseRef the core licence module resolves them to
 * (the Hub's list, docs/hub/repositories-licenses.md). Every other Hub id is the lower-cased SPDX id.
 */
const HUB_IDS_OF_REFS: Readonly<Record<string, string>> = {
  'LicenseRef-OpenRAIL': 'openrail',
  'LicenseRef-OpenRAIL-plus-plus': 'openrail++',
  'LicenseRef-BigScience-OpenRAIL-M': 'bigscience-openrail-m',
  'LicenseRef-CreativeML-OpenRAIL-M': 'creativeml-openrail-m',
  'LicenseRef-BigScience-BLOOM-RAIL-1.0': 'bigscience-bloom-rail-1.0',
  'LicenseRef-BigCode-OpenRAIL-M': 'bigcode-openrail-m',
  'LicenseRef-Llama-2': 'llama2',
  'LicenseRef-Llama-3': 'llama3',
  'LicenseRef-Llama-3.1': 'llama3.1',
  'LicenseRef-Llama-3.2': 'llama3.2',
  'LicenseRef-Llama-3.3': 'llama3.3',
  'LicenseRef-Llama-4': 'llama4',
  'LicenseRef-Gemma': 'gemma',
  'LicenseRef-other': 'other',
  'LicenseRef-unknown': 'unknown',
};

export interface HubLicense {
  license: string;
  license_name?: string;
  /** The id has no SPDX equivalent (a LicenseRef), or the expression is compound: SBOM tools cannot resolve it. */
  noSpdxEquivalent: boolean;
}

/** The Hub's `license` for an SPDX expression: one id lower-cased, a known Hub-only id, or `other` with a name. */
export function hubLicense(expression: string): HubLicense {
  const parsed = parseLicenseExpression(expression);
  if (!parsed.ok) return { license: 'other', license_name: slug(expression), noSpdxEquivalent: true };
  const [only] = parsed.ids;
  if (parsed.ids.length === 1 && only && parsed.expression === only) {
    if (!only.startsWith('LicenseRef-')) return { license: only.toLowerCase(), noSpdxEquivalent: false };
    const hub = HUB_IDS_OF_REFS[only];
    if (hub) return { license: hub, noSpdxEquivalent: true };
    return { license: 'other', license_name: slug(only.slice('LicenseRef-'.length)), noSpdxEquivalent: true };
  }
  return { license: 'other', license_name: slug(parsed.expression), noSpdxEquivalent: false };
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'custom'
  );
}
