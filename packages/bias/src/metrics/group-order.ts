import { MISSING_GROUP } from './metrics.js';

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Group values in natural order ("9" before "10"), "(missing)" last; code-unit order breaks ties. */
export function compareGroups(a: string, b: string): number {
  if (a === b) return 0;
  if (a === MISSING_GROUP) return 1;
  if (b === MISSING_GROUP) return -1;
  return naturalOrder.compare(a, b) || (a < b ? -1 : 1);
}
