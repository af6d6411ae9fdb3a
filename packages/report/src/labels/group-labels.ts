import type { BiasSection, GroupMetrics } from '@rai-audit/core';

/** One attribute of a section as the report shows it: a sensitive attribute or an intersection of several. */
export interface AttributeView {
  /** The `attribute` value of its groups: `race`, or `race+sex` for an intersection. */
  readonly key: string;
  /** The attributes it is made of: one, or several for an intersection. */
  readonly parts: readonly string[];
  /** How a heading names it: `race`, or `race × sex`. */
  readonly label: string;
}

/** The separators the contract uses to join the names of an intersection and the values of its groups. */
const ATTRIBUTE_JOINER = '+';
const VALUE_JOINER = '|';

function viewOf(key: string, parts: readonly string[]): AttributeView {
  return { key, parts, label: parts.join(' × ') };
}

/**
 * The attributes to render, in the section's order: the sensitive attributes, then the intersections, then any
 * other attribute the groups name (so no group is ever left out of the report).
 */
export function sectionAttributes(section: BiasSection): AttributeView[] {
  const views = section.columns.attributes.map((attribute) => viewOf(attribute, [attribute]));
  for (const parts of section.columns.intersections ?? []) {
    views.push(viewOf(parts.join(ATTRIBUTE_JOINER), parts));
  }
  const known = new Set(views.map((view) => view.key));
  for (const row of section.groups) {
    if (known.has(row.attribute)) continue;
    known.add(row.attribute);
    views.push(viewOf(row.attribute, [row.attribute]));
  }
  return views;
}

/** The groups of one attribute, in the result's order. */
export function groupsOf(section: BiasSection, attribute: AttributeView): GroupMetrics[] {
  return section.groups.filter((row) => row.attribute === attribute.key);
}

/**
 * The attribute names and values of an intersection's group, taken from `values` when present, else from splitting
 * the joined value when that is unambiguous; undefined for a single attribute or an ambiguous value.
 */
function intersectionParts(
  row: Pick<GroupMetrics, 'group' | 'values'>,
  attribute: AttributeView,
): [string, string][] | undefined {
  if (attribute.parts.length < 2) return undefined;
  const values = row.values;
  if (values !== undefined) {
    const names = attribute.parts.every((part) => part in values)
      ? attribute.parts
      : Object.keys(values).sort();
    return names.map((name) => [name, values[name] ?? '']);
  }
  const split = row.group.split(VALUE_JOINER);
  if (split.length !== attribute.parts.length) return undefined;
  return attribute.parts.map((name, index) => [name, split[index] ?? '']);
}

/**
 * How a group reads: its value, or for an intersection each attribute with its value (`race=A, sex=female`),
 * taken from `values` when present, else from splitting the joined value when that is unambiguous.
 */
export function groupLabel(row: Pick<GroupMetrics, 'group' | 'values'>, attribute: AttributeView): string {
  const parts = intersectionParts(row, attribute);
  return parts === undefined ? row.group : parts.map(([name, value]) => `${name}=${value}`).join(', ');
}

/**
 * How a group reads on a chart, where labels are short: an intersection's values alone (`A, female`), in the order
 * of the attribute's name (`race × sex`); the data table under the chart names each attribute in full.
 */
export function chartGroupName(
  row: Pick<GroupMetrics, 'group' | 'values'>,
  attribute: AttributeView,
): string {
  const parts = intersectionParts(row, attribute);
  return parts === undefined ? row.group : parts.map(([, value]) => value).join(', ');
}

/** The flags a group carries, as words with a shape, so status never depends on colour alone. */
export interface GroupFlags {
  readonly reference: boolean;
  readonly small: boolean;
}

/** Whether a group is its attribute's reference group, and whether it is below the minimum group size. */
export function groupFlags(row: GroupMetrics): GroupFlags {
  return { reference: row.reference === true, small: row.smallGroup === true };
}

/** The small-group flag as text: `n < 30` when the minimum group size is known. */
export function smallGroupText(minGroupSize: number | undefined): string {
  return minGroupSize === undefined ? 'small group' : `n < ${minGroupSize}`;
}

export const REFERENCE_MARK = '◆';
export const SMALL_GROUP_MARK = '▲';

/**
 * A group's chart label with its flags as shapes, for chart axes: `White ◆`, `Other ▲`, `A, female ▲`. Charts keep the marks short (axis
 * labels are narrow) and their captions say what the shapes mean; tables spell the flags out.
 */
export function flaggedGroupLabel(
  row: GroupMetrics,
  attribute: AttributeView,
  _minGroupSize?: number,
): string {
  const flags = groupFlags(row);
  const marks = [flags.reference ? REFERENCE_MARK : '', flags.small ? SMALL_GROUP_MARK : ''].filter(
    (m) => m !== '',
  );
  return [chartGroupName(row, attribute), ...marks].join(' ');
}

/** What the chart marks of groups mean, for captions: `◆ reference group; ▲ fewer than 30 rows.` */
export function flagLegend(minGroupSize: number | undefined): string {
  const small = minGroupSize === undefined ? 'a small group' : `fewer than ${minGroupSize} rows`;
  return `${REFERENCE_MARK} marks the reference group, ${SMALL_GROUP_MARK} ${small}.`;
}

/**
 * Labels made unique by numbering repeats (`A`, `A (2)`): charts key marks by label, so two groups that read the
 * same (a group literally named like another's flagged label, or like "Overall") must not merge into one mark.
 */
export function uniqueLabels(labels: readonly string[], taken: readonly string[] = []): string[] {
  const seen = new Set(taken);
  return labels.map((label) => {
    let candidate = label;
    for (let copy = 2; seen.has(candidate); copy += 1) candidate = `${label} (${copy})`;
    seen.add(candidate);
    return candidate;
  });
}

/** The chart labels of an attribute's groups, flagged and unique, in the groups' order. */
export function chartGroupLabels(
  groups: readonly GroupMetrics[],
  attribute: AttributeView,
  minGroupSize: number | undefined,
): string[] {
  return uniqueLabels(groups.map((row) => flaggedGroupLabel(row, attribute, minGroupSize)));
}
