import { UsageError } from '@rai-audit/core';

/** Joins the attributes of an intersection into its name (`race+sex`), as Aequitas does. */
export const INTERSECTION_JOINER = '+';
/** Joins the values of an intersection's attributes into its group name (`White|female`). */
export const GROUP_VALUE_JOINER = '|';

/** How a numeric attribute is cut into groups: ascending edges, and one label per bucket (edges + 1 buckets). */
export interface Bucketing {
  edges: number[];
  labels: string[];
  /** `bins` when the user gave the edges, `quantiles` when they were computed from the data. */
  method: 'bins' | 'quantiles';
}

/** The groupings of one audit: each attribute on its own, each intersection, and how numeric attributes are cut. */
export interface GroupingPlan {
  attributes: string[];
  intersections: string[][];
  buckets: Record<string, Bucketing>;
}

/** What the user asked for with `--intersect`: a list of attributes, or every pair of attributes. */
export type IntersectionRequest = readonly string[] | 'all-pairs';

/** The name of a grouping: the attribute, or `a+b` for an intersection. */
export function groupingName(attributes: readonly string[]): string {
  return attributes.join(INTERSECTION_JOINER);
}

/** Every grouping of the plan, single attributes first, as lists of attributes. */
export function groupingSets(plan: Pick<GroupingPlan, 'attributes' | 'intersections'>): string[][] {
  return [...plan.attributes.map((attribute) => [attribute]), ...plan.intersections.map((set) => [...set])];
}

/** An edge as people write it: `18`, `0.5`, `-3`. */
function formatEdge(edge: number): string {
  return String(edge);
}

/** The label of each bucket of ascending edges: `< 18`, `[18, 25)`, …, `>= 65`. */
export function bucketLabels(edges: readonly number[]): string[] {
  const first = edges[0];
  const last = edges.at(-1);
  if (first === undefined || last === undefined) return [];
  const inner = edges.slice(1).map((edge, i) => `[${formatEdge(edges[i] ?? edge)}, ${formatEdge(edge)})`);
  return [`< ${formatEdge(first)}`, ...inner, `>= ${formatEdge(last)}`];
}

/** Checks edges (finite, strictly ascending) and labels their buckets; UsageError naming the flag otherwise. */
export function bucketingFromEdges(
  attribute: string,
  edges: readonly number[],
  method: Bucketing['method'],
): Bucketing {
  const flag = method === 'bins' ? '--bins' : '--quantiles';
  if (edges.length === 0 || edges.some((edge) => !Number.isFinite(edge))) {
    throw new UsageError(`${flag} ${attribute}: the edges must be numbers`, {
      hint: `Write them as ${flag === '--bins' ? '--bins age=18,25,45,65' : '--quantiles age=4'}`,
    });
  }
  for (let i = 1; i < edges.length; i++) {
    if ((edges[i] ?? 0) <= (edges[i - 1] ?? 0)) {
      throw new UsageError(`${flag} ${attribute}: the edges must be strictly ascending`, {
        hint: `Sort them and remove duplicates, e.g. --bins ${attribute}=18,25,45,65`,
      });
    }
  }
  return { edges: [...edges], labels: bucketLabels(edges), method };
}

function allPairs(attributes: readonly string[]): string[][] {
  return attributes.flatMap((a, i) => attributes.slice(i + 1).map((b) => [a, b]));
}

function checkIntersection(set: readonly string[], attributes: readonly string[]): void {
  if (set.length < 2) {
    throw new UsageError(`--intersect ${set.join(',')}: an intersection needs two or more attributes`, {
      hint: 'Write --intersect race,sex, or --intersect all-pairs',
    });
  }
  if (new Set(set).size !== set.length) {
    throw new UsageError(`--intersect ${set.join(',')}: an attribute is named twice`, {
      hint: 'Name each attribute of an intersection once',
    });
  }
  const unknown = set.find((attribute) => !attributes.includes(attribute));
  if (unknown !== undefined) {
    throw new UsageError(`--intersect ${set.join(',')}: "${unknown}" is not one of the --attribute columns`, {
      hint: `Add it to --attribute (now: ${attributes.join(', ')})`,
    });
  }
}

/**
 * The intersections to audit, each in the order of `attributes`, without duplicates; `all-pairs` expands to every
 * pair. UsageError when an intersection names fewer than two attributes or one that is not an attribute.
 */
export function expandIntersections(
  requests: readonly IntersectionRequest[],
  attributes: readonly string[],
): string[][] {
  const sets = requests.flatMap((request) =>
    request === 'all-pairs' ? allPairs(attributes) : [[...request]],
  );
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const set of sets) {
    checkIntersection(set, attributes);
    const ordered = [...set].sort((a, b) => attributes.indexOf(a) - attributes.indexOf(b));
    const key = JSON.stringify(ordered);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(ordered);
    }
  }
  return result;
}
