import { existsSync } from 'node:fs';
import { readConfigFile } from '../config-file.js';
import { resolve } from 'node:path';
import { UsageError } from '@rai-audit/core';
import type { BiasAuditOptions, GroupThresholds, IntersectionRequest } from '@rai-audit/bias';
import { expandIntersections, groupingName, parseReferenceSpecs } from '@rai-audit/bias';

/** The bias command's flags as commander hands them over (repeatable flags are arrays). */
export interface BiasFlags {
  attribute?: string[];
  label: string;
  prediction?: string;
  positiveLabel?: string;
  score?: string;
  threshold?: string;
  topK?: string;
  topPercent?: string;
  thresholds?: string;
  scoreBins?: string;
  weight?: string;
  intersect?: string[];
  bins?: string[];
  quantiles?: string[];
  missing?: 'group' | 'drop' | 'error';
  reference?: string[];
  tau?: string;
  minGroupSize?: string;
  summaryGroups?: 'sufficient' | 'all';
  bootstrap?: string;
  seed?: string;
  level?: string;
  expectedShares?: string[];
  features?: string;
  emitSql?: string;
  fromCounts?: string;
}

/** Splits repeated, comma-separated values into a list of unique, trimmed names. */
export function parseColumnList(values: readonly string[]): string[] {
  const columns = values.flatMap((value) => value.split(',')).map((column) => column.trim());
  return [...new Set(columns.filter(Boolean))];
}

interface NumberRule {
  integer?: boolean;
  example: string;
}

/** A flag's number, or UsageError naming the flag, the value and an example. */
export function parseNumberFlag(
  flag: string,
  value: string | undefined,
  rule: NumberRule,
): number | undefined {
  if (value === undefined) return undefined;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || (rule.integer && !Number.isInteger(number))) {
    throw new UsageError(
      `${flag} expects ${rule.integer ? 'a whole number' : 'a number'}, got ${JSON.stringify(value)}`,
      {
        hint: `e.g. ${flag} ${rule.example}`,
      },
    );
  }
  return number;
}

/** `--intersect race,sex` (repeatable) or `--intersect all-pairs`. */
export function parseIntersections(values: readonly string[]): IntersectionRequest[] {
  return values.map((value) => (value.trim() === 'all-pairs' ? 'all-pairs' : parseColumnList([value])));
}

/** `ATTRIBUTE=VALUE` with the attribute and the rest, or UsageError showing the expected form. */
function splitAssignment(flag: string, value: string, example: string): [string, string] {
  const equals = value.indexOf('=');
  if (equals <= 0 || equals === value.length - 1) {
    throw new UsageError(`cannot read ${flag} ${JSON.stringify(value)}`, {
      hint: `Write it as ${flag} ${example}`,
    });
  }
  return [value.slice(0, equals).trim(), value.slice(equals + 1).trim()];
}

/** `--bins age=18,25,45,65` (repeatable): the bucket edges of each numeric attribute. */
export function parseBins(values: readonly string[]): Record<string, number[]> | undefined {
  if (values.length === 0) return undefined;
  const bins: Record<string, number[]> = {};
  for (const value of values) {
    const [attribute, list] = splitAssignment('--bins', value, 'age=18,25,45,65');
    bins[attribute] = list
      .split(',')
      .map((edge) => parseNumberFlag(`--bins ${attribute}=`, edge, { example: '18,25,45,65' }) ?? 0);
  }
  return bins;
}

/** `--quantiles age=4` (repeatable): the number of quantile buckets of each numeric attribute. */
export function parseQuantiles(values: readonly string[]): Record<string, number> | undefined {
  if (values.length === 0) return undefined;
  const quantiles: Record<string, number> = {};
  for (const value of values) {
    const [attribute, count] = splitAssignment('--quantiles', value, 'age=4');
    quantiles[attribute] =
      parseNumberFlag(`--quantiles ${attribute}=`, count, { integer: true, example: '4' }) ?? 0;
  }
  return quantiles;
}

/** `GROUP=T,GROUP=T` into a record of thresholds, or UsageError naming the flag. */
function parseGroupValues(flag: string, text: string, example: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const part of text.split(',')) {
    const equals = part.lastIndexOf('=');
    if (equals <= 0)
      throw new UsageError(`cannot read ${flag} ${JSON.stringify(text)}`, {
        hint: `Write it as ${flag} ${example}`,
      });
    const group = part.slice(0, equals).trim();
    result[group] = parseNumberFlag(`${flag} ${group}=`, part.slice(equals + 1), { example: '0.5' }) ?? 0;
  }
  return result;
}

/** `--thresholds race:White=0.5,Black=0.45` (or without `race:`, meaning the first attribute). */
export function parseGroupThresholds(
  value: string | undefined,
  attributes: readonly string[],
): GroupThresholds | undefined {
  if (value === undefined) return undefined;
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? value.slice(0, colon) : undefined;
  const named = prefix !== undefined && !prefix.includes('=') && attributes.includes(prefix.trim());
  const list = named ? value.slice(colon + 1) : value;
  const thresholds = parseGroupValues('--thresholds', list, 'race:White=0.5,Black=0.45');
  return named ? { attribute: prefix.trim(), thresholds } : { thresholds };
}

function sharesFromJson(file: string, cwd: string): Record<string, Record<string, number>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      readConfigFile(file, cwd, { what: 'the expected shares file', flag: '--expected-shares' }),
    );
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    throw new UsageError('cannot read the expected shares', {
      file,
      hint: 'Give a JSON file such as {"sex": {"female": 0.5, "male": 0.5}}',
      cause,
    });
  }
  const shares: Record<string, Record<string, number>> = {};
  const entries =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? Object.entries(parsed)
      : undefined;
  for (const [attribute, groups] of entries ?? [['', null]]) {
    const pairs =
      groups !== null && typeof groups === 'object'
        ? Object.entries(groups as Record<string, unknown>)
        : undefined;
    if (!pairs || pairs.some(([, share]) => typeof share !== 'number')) {
      throw new UsageError(`expected shares must map each attribute to {group: share}`, {
        file,
        location: attribute ? `"${attribute}"` : undefined,
        hint: 'e.g. {"sex": {"female": 0.5, "male": 0.5}}',
      });
    }
    shares[attribute] = Object.fromEntries(pairs) as Record<string, number>;
  }
  return shares;
}

/** `--expected-shares FILE.json` or inline `sex:female=0.5,male=0.5` (repeatable, one attribute each). */
export function parseExpectedShares(
  values: readonly string[],
  cwd: string,
): Record<string, Record<string, number>> | undefined {
  if (values.length === 0) return undefined;
  const shares: Record<string, Record<string, number>> = {};
  for (const value of values) {
    if (/\.json$/i.test(value) || existsSync(resolve(cwd, value))) {
      Object.assign(shares, sharesFromJson(value, cwd));
      continue;
    }
    const colon = value.indexOf(':');
    if (colon <= 0) {
      throw new UsageError(`cannot read --expected-shares ${JSON.stringify(value)}`, {
        hint: 'Write ATTRIBUTE:GROUP=SHARE,… (e.g. sex:female=0.5,male=0.5) or name a JSON file',
      });
    }
    shares[value.slice(0, colon).trim()] = parseGroupValues(
      '--expected-shares',
      value.slice(colon + 1),
      'sex:female=0.5,male=0.5',
    );
  }
  return shares;
}

/** The audit options of the bias command from its flags; UsageError (exit 2) naming the flag and the fix. */
export function biasAuditOptions(files: readonly string[], flags: BiasFlags, cwd: string): BiasAuditOptions {
  const attributes = parseColumnList(flags.attribute ?? []);
  if (attributes.length === 0) {
    throw new UsageError('--attribute names no column', {
      hint: 'Give one or more columns: --attribute sex,race',
    });
  }
  const number = (flag: string, value: string | undefined, example: string, integer = false) =>
    parseNumberFlag(flag, value, { integer, example });
  const intersections = parseIntersections(flags.intersect ?? []);
  // `--reference largest` applies to intersections too, so the parser needs every grouping's name.
  const groupings = [...attributes, ...expandIntersections(intersections, attributes).map(groupingName)];
  const options: BiasAuditOptions = {
    file: files,
    attributes,
    label: flags.label,
    intersections,
    bins: parseBins(flags.bins ?? []),
    quantiles: parseQuantiles(flags.quantiles ?? []),
    missing: flags.missing,
    prediction: flags.prediction,
    positiveLabel: flags.positiveLabel,
    score: flags.score,
    threshold: number('--threshold', flags.threshold, '0.5'),
    topK: number('--top-k', flags.topK, '1000', true),
    topPercent: number('--top-percent', flags.topPercent, '10'),
    groupThresholds: parseGroupThresholds(flags.thresholds, attributes),
    scoreBins: number('--score-bins', flags.scoreBins, '200', true),
    weight: flags.weight,
    references: parseReferenceSpecs(flags.reference ?? [], groupings),
    tau: number('--tau', flags.tau, '0.8'),
    minGroupSize: number('--min-group-size', flags.minGroupSize, '30', true),
    summaryGroups: flags.summaryGroups,
    bootstrap: number('--bootstrap', flags.bootstrap, '1000', true),
    seed: number('--seed', flags.seed, '42', true),
    level: number('--level', flags.level, '0.95'),
    expectedShares: parseExpectedShares(flags.expectedShares ?? [], cwd),
    features: flags.features === undefined ? undefined : parseColumnList([flags.features]),
    fromCounts: flags.fromCounts,
  };
  // Absent flags stay absent, so that the audit's defaults apply.
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as BiasAuditOptions;
}
