/**
 * Licence names people write that are not SPDX ids, resolved to SPDX ids (or to a `LicenseRef-` for licences SPDX
 * does not list). Our own table: Hugging Face Hub licence ids and the common spellings seen in dataset cards. Keys are
 * normalised by `aliasKey` (lower case, "licence"/"license"/"international"/"public" and punctuation dropped).
 */
const ALIASES: Readonly<Record<string, string>> = {
  // Hugging Face Hub ids that have no SPDX id of their own.
  openrail: 'LicenseRef-OpenRAIL',
  'openrail++': 'LicenseRef-OpenRAIL-plus-plus',
  'bigscience openrail m': 'LicenseRef-BigScience-OpenRAIL-M',
  'creativeml openrail m': 'LicenseRef-CreativeML-OpenRAIL-M',
  'bigscience bloom rail 1 0': 'LicenseRef-BigScience-BLOOM-RAIL-1.0',
  'bigcode openrail m': 'LicenseRef-BigCode-OpenRAIL-M',
  'c uda': 'C-UDA-1.0',
  llama2: 'LicenseRef-Llama-2',
  llama3: 'LicenseRef-Llama-3',
  'llama3 1': 'LicenseRef-Llama-3.1',
  'llama3 2': 'LicenseRef-Llama-3.2',
  'llama3 3': 'LicenseRef-Llama-3.3',
  llama4: 'LicenseRef-Llama-4',
  gemma: 'LicenseRef-Gemma',
  'h research': 'LicenseRef-H-Research',
  'intel research': 'LicenseRef-Intel-Research',
  'apple ascl': 'LicenseRef-Apple-ASCL',
  'apple amlr': 'LicenseRef-Apple-AMLR',
  'openmdw 1 0': 'LicenseRef-OpenMDW-1.0',
  'openmdw 1 1': 'LicenseRef-OpenMDW-1.1',
  'deepfloyd if license': 'LicenseRef-DeepFloyd-IF',
  'odc by': 'ODC-By-1.0',
  odbl: 'ODbL-1.0',
  pddl: 'PDDL-1.0',
  // Family ids: the Hub accepts them, their terms depend on the version, so they stay unknown.
  bsd: 'LicenseRef-BSD-family',
  cc: 'LicenseRef-Creative-Commons-family',
  gpl: 'LicenseRef-GPL-family',
  lgpl: 'LicenseRef-LGPL-family',
  gfdl: 'LicenseRef-GFDL-family',
  other: 'LicenseRef-other',
  unknown: 'LicenseRef-unknown',
  // Common names.
  'apache 2 0': 'Apache-2.0',
  'apache 2': 'Apache-2.0',
  'apache v2': 'Apache-2.0',
  mit: 'MIT',
  gplv2: 'GPL-2.0-only',
  gplv3: 'GPL-3.0-only',
  'gnu gpl v3': 'GPL-3.0-only',
  agplv3: 'AGPL-3.0-only',
  'gpl 2 0': 'GPL-2.0-only',
  'gpl 3 0': 'GPL-3.0-only',
  'agpl 3 0': 'AGPL-3.0-only',
  'lgpl 2 1': 'LGPL-2.1-only',
  'lgpl 3 0': 'LGPL-3.0-only',
  'gfdl 1 3': 'GFDL-1.3-only',
  'public domain': 'LicenseRef-Public-Domain',
  cc0: 'CC0-1.0',
  'cc0 1 0': 'CC0-1.0',
  'cc0 1 0 universal': 'CC0-1.0',
  'creative commons zero v1 0 universal': 'CC0-1.0',
  'open data commons attribution': 'ODC-By-1.0',
  'open database': 'ODbL-1.0',
  'open data commons open database': 'ODbL-1.0',
  'open data commons domain dedication and': 'PDDL-1.0',
  'cdla permissive 1 0': 'CDLA-Permissive-1.0',
  'cdla permissive 2 0': 'CDLA-Permissive-2.0',
  'cdla sharing 1 0': 'CDLA-Sharing-1.0',
  'etalab 2 0': 'etalab-2.0',
};

const CC_PARTS: Readonly<Record<string, string>> = {
  attribution: 'BY',
  by: 'BY',
  noncommercial: 'NC',
  'non commercial': 'NC',
  nc: 'NC',
  sharealike: 'SA',
  'share alike': 'SA',
  sa: 'SA',
  noderivatives: 'ND',
  noderivs: 'ND',
  'no derivatives': 'ND',
  nd: 'ND',
};

/** The key a name is looked up by: lower case, words only. */
export function aliasKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(the|licen[cs]e|international|version|agreement)\b/g, ' ')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** "Creative Commons Attribution-NonCommercial 4.0 International", "CC BY-NC 4.0": the SPDX CC id, or undefined. */
function creativeCommonsId(key: string): string | undefined {
  const match = /^(?:creative commons|cc)\s+(.*?)\s*(\d)\s+(\d)$/.exec(key);
  if (!match?.[1]) return undefined;
  let rest = match[1].replace(/\bv$/, '').trim();
  const parts: string[] = [];
  while (rest.length > 0) {
    const part = Object.keys(CC_PARTS)
      .filter((name) => rest === name || rest.startsWith(`${name} `))
      .sort((a, b) => b.length - a.length)[0];
    if (!part) return undefined;
    parts.push(CC_PARTS[part] ?? '');
    rest = rest.slice(part.length).trim();
  }
  if (parts[0] !== 'BY') return undefined;
  return `CC-${parts.join('-')}-${match[2]}.${match[3]}`;
}

/** The SPDX id (or LicenseRef) a name or Hugging Face id stands for, when our table knows it. */
export function resolveLicenseAlias(text: string): string | undefined {
  const key = aliasKey(text);
  return ALIASES[key] ?? ALIASES[key.replace(/ /g, '')] ?? creativeCommonsId(key);
}
