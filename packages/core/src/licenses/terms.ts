import { parseLicenseExpression, type LicenseNode } from './parse.js';
import { termsOfLicenseId, type LicenseTerms, type Obligation, type Permission } from './terms-table.js';

// Restrictiveness, least to most: the "unknown" of a permission or an obligation sits between its two answers.
const PERMISSION_RANK: Record<Permission, number> = { allowed: 0, unknown: 1, 'not-allowed': 2 };
const OBLIGATION_RANK: Record<Obligation, number> = { no: 0, unknown: 1, yes: 2 };

const UNKNOWN_TERMS = (ids: string[]): LicenseTerms => ({
  commercialUse: 'unknown',
  attribution: 'unknown',
  shareAlike: 'unknown',
  noDerivatives: 'unknown',
  useRestrictions: 'unknown',
  unknownIds: ids,
});

function stricter<T extends string>(rank: Record<T, number>, a: T, b: T): T {
  return rank[a] >= rank[b] ? a : b;
}

/** The most restrictive combination: what holds when every one of the licences applies (AND, lineage). */
export function combineLicenseTerms(all: readonly LicenseTerms[]): LicenseTerms {
  const [first, ...rest] = all;
  if (!first) return UNKNOWN_TERMS([]);
  return rest.reduce<LicenseTerms>(
    (acc, next) => ({
      commercialUse: stricter(PERMISSION_RANK, acc.commercialUse, next.commercialUse),
      attribution: stricter(OBLIGATION_RANK, acc.attribution, next.attribution),
      shareAlike: stricter(OBLIGATION_RANK, acc.shareAlike, next.shareAlike),
      noDerivatives: stricter(OBLIGATION_RANK, acc.noDerivatives, next.noDerivatives),
      useRestrictions: stricter(OBLIGATION_RANK, acc.useRestrictions, next.useRestrictions),
      unknownIds: [...new Set([...acc.unknownIds, ...next.unknownIds])].sort(),
    }),
    { ...first, unknownIds: [...first.unknownIds] },
  );
}

/** How restrictive a set of terms is, as a tuple compared left to right (commercial use weighs most). */
function restrictiveness(terms: LicenseTerms): number[] {
  return [
    PERMISSION_RANK[terms.commercialUse],
    OBLIGATION_RANK[terms.noDerivatives],
    OBLIGATION_RANK[terms.shareAlike],
    OBLIGATION_RANK[terms.useRestrictions],
    OBLIGATION_RANK[terms.attribution],
  ];
}

function lessRestrictive(a: LicenseTerms, b: LicenseTerms): LicenseTerms {
  const [ra, rb] = [restrictiveness(a), restrictiveness(b)];
  for (let i = 0; i < ra.length; i++) {
    if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) < (rb[i] ?? 0) ? a : b;
  }
  return a;
}

function termsOfNode(node: LicenseNode): LicenseTerms {
  if ('license' in node) {
    const known = termsOfLicenseId(node.license);
    return known ? { ...known, unknownIds: [] } : UNKNOWN_TERMS([node.license]);
  }
  const left = termsOfNode(node.left);
  const right = termsOfNode(node.right);
  // OR: the licensee picks one licence, so the alternative that asks least applies as a whole (never a mix of both).
  return node.conjunction === 'and' ? combineLicenseTerms([left, right]) : lessRestrictive(left, right);
}

/**
 * The obligations of an SPDX expression (or a name `parseLicenseExpression` accepts): the most restrictive across
 * AND, the least restrictive alternative across OR. An expression that does not parse has unknown terms.
 */
export function licenseTerms(expression: string): LicenseTerms {
  const parsed = parseLicenseExpression(expression);
  return parsed.ok ? termsOfNode(parsed.tree) : UNKNOWN_TERMS([expression.trim()]);
}
