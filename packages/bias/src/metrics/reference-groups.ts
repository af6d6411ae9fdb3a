import { BiasMetricIdSchema, UsageError, closestMatch } from '@rai-audit/core';
import type { BiasMetricId, GroupMetrics, ReferenceGroup } from '@rai-audit/core';
import { MISSING_GROUP } from './metrics.js';

/** How to choose the reference group of one attribute (Aequitas: a named group, the majority, or the min metric). */
export type ReferenceSpec =
  | { attribute: string; method: 'explicit'; group: string }
  | { attribute: string; method: 'largest' }
  | { attribute: string; method: 'min-metric'; metric: BiasMetricId };

const OPTION = '--reference';

/** True for `(missing)` and for intersections with a missing part: never a reference unless named. */
function isMissing(group: GroupMetrics): boolean {
  if (group.group === MISSING_GROUP) return true;
  if (group.values) return Object.values(group.values).includes(MISSING_GROUP);
  return group.attribute.includes('+') && group.group.split('|').includes(MISSING_GROUP);
}

/** The group with the most rows; ties go to the first in table order. */
function largest(candidates: readonly GroupMetrics[]): GroupMetrics | undefined {
  return candidates.reduce<GroupMetrics | undefined>(
    (best, g) => (!best || g.n > best.n ? g : best),
    undefined,
  );
}

/** The group with the smallest defined value of `metric`; ties go to the first in table order. */
function minimumOf(candidates: readonly GroupMetrics[], metric: BiasMetricId): GroupMetrics | undefined {
  let best: { group: GroupMetrics; value: number } | undefined;
  for (const group of candidates) {
    const value = group.metrics[metric]?.value;
    if (typeof value === 'number' && (!best || value < best.value)) best = { group, value };
  }
  return best?.group;
}

function explicitGroup(spec: { attribute: string; group: string }, groups: readonly GroupMetrics[]) {
  const found = groups.find((g) => g.group === spec.group);
  if (found) return found;
  const names = groups.map((g) => g.group);
  const near = closestMatch(spec.group, names);
  throw new UsageError(`reference group "${spec.group}" is not a group of ${spec.attribute}`, {
    location: `${OPTION} ${spec.attribute}=${spec.group}`,
    hint:
      (near ? `Did you mean "${near}"? ` : '') + `Groups of ${spec.attribute}: ${names.join(', ') || 'none'}`,
  });
}

function choose(spec: ReferenceSpec, groups: readonly GroupMetrics[]): ReferenceGroup | undefined {
  const { attribute } = spec;
  if (spec.method === 'explicit') {
    return { attribute, group: explicitGroup(spec, groups).group, method: 'explicit' };
  }
  const candidates = groups.filter((g) => !isMissing(g));
  if (spec.method === 'largest') {
    const chosen = largest(candidates);
    return chosen && { attribute, group: chosen.group, method: 'largest' };
  }
  const chosen = minimumOf(candidates, spec.metric);
  if (!chosen && candidates.length > 0) {
    throw new UsageError(`no group of ${attribute} has a defined ${spec.metric} to take the minimum of`, {
      location: `${OPTION} ${attribute}:min-metric:${spec.metric}`,
      hint: `Name the reference group (${OPTION} ${attribute}=VALUE) or use ${OPTION} ${attribute}:largest`,
    });
  }
  return chosen && { attribute, group: chosen.group, method: 'min-metric', metric: spec.metric };
}

function assertSpecsFit(attributes: readonly string[], specs: readonly ReferenceSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (!attributes.includes(spec.attribute)) {
      const near = closestMatch(spec.attribute, attributes);
      throw new UsageError(`${OPTION} names "${spec.attribute}", which is not an audited attribute`, {
        location: `${OPTION} ${spec.attribute}`,
        hint: (near ? `Did you mean "${near}"? ` : '') + `Audited attributes: ${attributes.join(', ')}`,
      });
    }
    if (seen.has(spec.attribute)) {
      throw new UsageError(`${OPTION} is given twice for ${spec.attribute}`, {
        location: `${OPTION} ${spec.attribute}`,
        hint: 'Give one reference per attribute',
      });
    }
    seen.add(spec.attribute);
  }
}

/**
 * The reference group of each attribute (an intersection is an attribute `a+b`), by its spec or, without one, the
 * largest group. `(missing)` is never chosen automatically; an attribute whose groups are all missing gets none.
 * Throws UsageError for a spec naming an unknown attribute or group (listing the groups) or given twice.
 */
export function chooseReferenceGroups(
  groups: readonly GroupMetrics[],
  attributes: readonly string[],
  specs: readonly ReferenceSpec[],
): ReferenceGroup[] {
  assertSpecsFit(attributes, specs);
  const chosen: ReferenceGroup[] = [];
  for (const attribute of attributes) {
    const spec = specs.find((s) => s.attribute === attribute) ?? { attribute, method: 'largest' };
    const reference = choose(
      spec,
      groups.filter((g) => g.attribute === attribute),
    );
    if (reference) chosen.push(reference);
  }
  return chosen;
}

function parseMetric(text: string, value: string): BiasMetricId {
  const parsed = BiasMetricIdSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  const near = closestMatch(text, BiasMetricIdSchema.options);
  throw new UsageError(`unknown metric "${text}" in ${OPTION} ${value}`, {
    location: `${OPTION} ${value}`,
    hint: (near ? `Did you mean "${near}"? ` : '') + `Metrics: ${BiasMetricIdSchema.options.join(', ')}`,
  });
}

/** `largest`, `min-metric:M` or `ATTR:largest` / `ATTR:min-metric:M`, else undefined. */
function parseMethod(
  value: string,
): { attribute?: string; method: 'largest' | 'min-metric'; metric?: string } | undefined {
  const match = /^(?:(.+?):)?(largest|min-metric(?::(.+))?)$/.exec(value);
  if (!match) return undefined;
  const [, attribute, method, metric] = match;
  return method === 'largest'
    ? { attribute, method: 'largest' }
    : { attribute, method: 'min-metric', metric };
}

interface ParsedReference {
  value: string;
  /** True for `largest` and `min-metric:M`, which apply to every attribute. */
  everyAttribute: boolean;
  specs: ReferenceSpec[];
}

function parseOne(value: string, attributes: readonly string[]): ParsedReference {
  const method = parseMethod(value);
  if (method) {
    if (method.method === 'min-metric' && !method.metric) {
      throw new UsageError(`${OPTION} ${value} needs a metric`, {
        location: `${OPTION} ${value}`,
        hint: `Write min-metric:METRIC, e.g. ${OPTION} min-metric:fpr`,
      });
    }
    const targets = method.attribute === undefined ? attributes : [method.attribute];
    const specs = targets.map((attribute): ReferenceSpec =>
      method.method === 'largest'
        ? { attribute, method: 'largest' }
        : { attribute, method: 'min-metric', metric: parseMetric(method.metric ?? '', value) },
    );
    return { value, everyAttribute: method.attribute === undefined, specs };
  }
  const equals = value.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`cannot read ${OPTION} ${value}`, {
      location: `${OPTION} ${value}`,
      hint: 'Write ATTRIBUTE=GROUP (e.g. race=White), largest, min-metric:METRIC, or ATTRIBUTE:largest',
    });
  }
  const spec: ReferenceSpec = {
    attribute: value.slice(0, equals),
    method: 'explicit',
    group: value.slice(equals + 1),
  };
  return { value, everyAttribute: false, specs: [spec] };
}

/**
 * Reads `--reference` values: `race=White` (explicit), `largest` or `min-metric:fpr` (every attribute), and
 * `race:largest` / `race:min-metric:fpr` (one attribute). A per-attribute value wins over an all-attribute one.
 */
export function parseReferenceSpecs(
  values: readonly string[],
  attributes: readonly string[],
): ReferenceSpec[] {
  const parsed = values.map((value) => parseOne(value, attributes));
  const global = parsed.filter((p) => p.everyAttribute);
  if (global.length > 1) {
    throw new UsageError(`${OPTION} is given for every attribute more than once`, {
      location: `${OPTION} ${global.map((g) => g.value).join(', ')}`,
      hint: 'Keep one of them, or name the attribute (race:largest)',
    });
  }
  const specific = parsed.filter((p) => !p.everyAttribute).flatMap((p) => p.specs);
  const named = new Set(specific.map((s) => s.attribute));
  const fallback = (global[0]?.specs ?? []).filter((s) => !named.has(s.attribute));
  return [...specific, ...fallback];
}
