/** What a licence asks of whoever uses the data or model it covers; `unknown` when we cannot tell. */
export type Permission = 'allowed' | 'not-allowed' | 'unknown';
export type Obligation = 'yes' | 'no' | 'unknown';

export interface LicenseTerms {
  /** May the material be used commercially? */
  commercialUse: Permission;
  /** Must the licensor be credited? */
  attribution: Obligation;
  /** Must derivatives be shared under the same (or a compatible copyleft) licence? */
  shareAlike: Obligation;
  /** Are derivatives (adaptations, including trained models) forbidden from being shared? */
  noDerivatives: Obligation;
  /** Behavioural use restrictions that travel with the material (RAIL-style licences, Llama, Gemma). */
  useRestrictions: Obligation;
  /** Licence ids whose terms rai-audit does not know: their obligations count as unknown. */
  unknownIds: string[];
}

type Known = Omit<LicenseTerms, 'unknownIds'>;

const PERMISSIVE: Known = {
  commercialUse: 'allowed',
  attribution: 'yes',
  shareAlike: 'no',
  noDerivatives: 'no',
  useRestrictions: 'no',
};
const PUBLIC_DOMAIN: Known = { ...PERMISSIVE, attribution: 'no' };
const COPYLEFT: Known = { ...PERMISSIVE, shareAlike: 'yes' };
const RAIL: Known = { ...PERMISSIVE, useRestrictions: 'yes' };
const RESEARCH_ONLY: Known = { ...PERMISSIVE, commercialUse: 'not-allowed', useRestrictions: 'yes' };

const BY_ID: Readonly<Record<string, Known>> = {
  ...Object.fromEntries(
    [
      'MIT',
      'Apache-2.0',
      'BSD-2-Clause',
      'BSD-3-Clause',
      'BSD-3-Clause-Clear',
      'ISC',
      'AFL-3.0',
      'Artistic-2.0',
      'BSL-1.0',
      'Zlib',
      'PostgreSQL',
      'NCSA',
      'MS-PL',
      'ECL-2.0',
      'etalab-2.0',
      'ODC-By-1.0',
      'CDLA-Permissive-1.0',
      'CDLA-Permissive-2.0',
      'LPPL-1.3c',
      'Python-2.0',
      'Unicode-DFS-2016',
      'W3C',
      'OGL-UK-3.0',
      'C-UDA-1.0',
      'LicenseRef-OpenMDW-1.0',
      'LicenseRef-OpenMDW-1.1',
      'LicenseRef-Apple-ASCL',
    ].map((id) => [id, PERMISSIVE]),
  ),
  ...Object.fromEntries(
    ['CC0-1.0', 'Unlicense', 'WTFPL', '0BSD', 'PDDL-1.0', 'LicenseRef-Public-Domain'].map((id) => [
      id,
      PUBLIC_DOMAIN,
    ]),
  ),
  ...Object.fromEntries(
    [
      'MPL-2.0',
      'EPL-1.0',
      'EPL-2.0',
      'EUPL-1.1',
      'EUPL-1.2',
      'ODbL-1.0',
      'CDLA-Sharing-1.0',
      'OSL-3.0',
      'OFL-1.1',
      'CECILL-2.1',
    ].map((id) => [id, COPYLEFT]),
  ),
  ...Object.fromEntries(
    [
      'LicenseRef-OpenRAIL',
      'LicenseRef-OpenRAIL-plus-plus',
      'LicenseRef-BigScience-OpenRAIL-M',
      'LicenseRef-CreativeML-OpenRAIL-M',
      'LicenseRef-BigScience-BLOOM-RAIL-1.0',
      'LicenseRef-BigCode-OpenRAIL-M',
      'LicenseRef-Llama-2',
      'LicenseRef-Llama-3',
      'LicenseRef-Llama-3.1',
      'LicenseRef-Llama-3.2',
      'LicenseRef-Llama-3.3',
      'LicenseRef-Llama-4',
      'LicenseRef-Gemma',
    ].map((id) => [id, RAIL]),
  ),
  ...Object.fromEntries(
    [
      'LicenseRef-H-Research',
      'LicenseRef-Intel-Research',
      'LicenseRef-Apple-AMLR',
      'LicenseRef-DeepFloyd-IF',
    ].map((id) => [id, RESEARCH_ONLY]),
  ),
};

/** Creative Commons ids by their parts: CC-BY-NC-SA-4.0 is attribution, non-commercial and share-alike. */
function creativeCommonsTerms(id: string): Known | undefined {
  const match = /^CC-BY((?:-(?:NC|SA|ND))*)-\d\.\d(?:-[A-Z]+)?$/.exec(id);
  if (!match) return undefined;
  const parts = (match[1] ?? '').split('-');
  return {
    commercialUse: parts.includes('NC') ? 'not-allowed' : 'allowed',
    attribution: 'yes',
    shareAlike: parts.includes('SA') ? 'yes' : 'no',
    noDerivatives: parts.includes('ND') ? 'yes' : 'no',
    useRestrictions: 'no',
  };
}

/** The GNU family (GPL, AGPL, LGPL, GFDL), any version, `-only` or `-or-later`. */
function gnuTerms(id: string): Known | undefined {
  return /^(A?GPL|LGPL|GFDL)-\d/.test(id) ? COPYLEFT : undefined;
}

/** The terms of one licence id, or undefined when rai-audit does not know them. */
export function termsOfLicenseId(id: string): Known | undefined {
  const base = id.replace(/\+$/, '');
  return BY_ID[base] ?? creativeCommonsTerms(base) ?? gnuTerms(base);
}
