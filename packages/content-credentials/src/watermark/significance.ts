/**
 * How surprising an agreement between decoded bits and a payload is on an unmarked image.
 *
 * The decoder's bits are biased (flat or low-chroma images decode to mostly zeros), so a fair-coin model would
 * flag any payload made mostly of zeros. Instead we condition on the decoded bits: given that `m` of the `n`
 * decoded bits are 1, an unmarked image places those ones independently of the payload, so the number `x` of
 * payload ones that are also decoded as ones follows a hypergeometric law. The p-value is P(X ≥ x).
 */

function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i += 1) table[i] = table[i - 1]! + Math.log(i);
  return table;
}

function logChoose(table: Float64Array, n: number, k: number): number {
  return table[n]! - table[k]! - table[n - k]!;
}

/** P(X ≥ observed) for X ~ Hypergeometric(population, successes, draws). */
export function hypergeometricUpperTail(
  population: number,
  successes: number,
  draws: number,
  observed: number,
): number {
  const table = logFactorials(population);
  const low = Math.max(observed, 0, draws - (population - successes));
  const high = Math.min(successes, draws);
  if (low > high) return 0;
  const total = logChoose(table, population, draws);
  const terms: number[] = [];
  for (let i = low; i <= high; i += 1) {
    terms.push(logChoose(table, successes, i) + logChoose(table, population - successes, draws - i) - total);
  }
  const largest = Math.max(...terms);
  const sum = terms.reduce((acc, term) => acc + Math.exp(term - largest), 0);
  return Math.min(1, Math.exp(largest) * sum);
}

/** Agreement of decoded bits with a payload of the same length, and its p-value under "no mark". */
export interface BitAgreement {
  /** Positions where decoded and payload bits are equal. */
  readonly matchingBits: number;
  /** P(agreement at least this strong) on an unmarked image, given how many ones were decoded. */
  readonly pValue: number;
}

/** Scores decoded bits against a payload with the conditional (hypergeometric) test above. */
export function scoreBitAgreement(payload: Uint8Array, decoded: Uint8Array): BitAgreement {
  let payloadOnes = 0;
  let decodedOnes = 0;
  let overlap = 0;
  let matchingBits = 0;
  for (let k = 0; k < payload.length; k += 1) {
    const p = payload[k]!;
    const d = decoded[k]!;
    payloadOnes += p;
    decodedOnes += d;
    overlap += p & d;
    if (p === d) matchingBits += 1;
  }
  return { matchingBits, pValue: hypergeometricUpperTail(payload.length, payloadOnes, decodedOnes, overlap) };
}

/** The smallest p-value a payload can ever reach (a perfect match): 1 / C(n, ones). */
export function bestPossiblePValue(payload: Uint8Array): number {
  const ones = payload.reduce((acc, bit) => acc + bit, 0);
  return Math.exp(-logChoose(logFactorials(payload.length), payload.length, ones));
}
