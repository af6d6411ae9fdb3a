import { UsageError, closestMatch, type DatasetAnalysis } from '@rai-audit/core';
import {
  chiSquareGoodnessOfFit,
  validateExpectedShares,
  type ExpectedShares,
} from './dataset-goodness-of-fit.js';
import {
  queryGroupCounts,
  queryMissingValues,
  queryProxies,
  type DatasetQueryRunner,
} from './dataset-queries.js';
import { representationRows, type GroupCount } from './dataset-representation.js';
import { columnGroupSql, type DatasetQuerySpec, type TypedColumn } from '../sql/dataset-sql.js';
import { SOURCE_VIEW } from '../sql/duckdb-source.js';
import { groupingName } from '../plan/grouping-plan.js';

export {
  datasetCheckDefinitions,
  PROXY_STRENGTH,
  REPRESENTATION,
} from '../checks/dataset-check-definitions.js';
export { evaluateDatasetChecks } from '../checks/dataset-checks.js';

export interface DatasetAuditInput {
  /** Sensitive attributes, in the order the report lists them. */
  attributes: readonly string[];
  /** The label column; never measured as a proxy. */
  label: string;
  /** SQL expression that is 1 for a positive label and 0 otherwise (outcomeSql). */
  labelSql: string;
  /** Columns to measure as possible proxies; attributes and the label are left out even when listed. */
  features: readonly string[];
  /** Expected share of each group, per attribute: `{ sex: { female: 0.5, male: 0.5 } }`. */
  expectedShares?: ExpectedShares;
  missing: 'group' | 'drop';
  /** Intersections to show in the representation table, as lists of attributes. */
  intersections?: ReadonlyArray<readonly string[]>;
  /** SQL giving an attribute's group when it is not the column itself (numeric bins, a derived attribute). */
  attributeSql?: Readonly<Record<string, string>>;
}

/** A group in --expected-shares that the data does not have is a typo far more often than a finding: exit 2. */
function assertExpectedGroupsExist(shares: ExpectedShares, counts: readonly GroupCount[]): void {
  for (const [attribute, expected] of Object.entries(shares)) {
    const groups = counts.filter((c) => c.attribute === attribute).map((c) => c.group);
    const unknown = Object.keys(expected).find((group) => !groups.includes(group));
    if (unknown === undefined) continue;
    const near = closestMatch(unknown, groups);
    throw new UsageError(`--expected-shares names ${attribute}=${unknown}, which the data does not have`, {
      hint:
        (near ? `Did you mean "${near}"? ` : '') +
        `Groups of ${attribute}: ${groups.join(', ') || 'none'} (values are case-sensitive)`,
    });
  }
}

/** The data source the dataset audit reads: its columns, and queries on the view of the file. */
export type DatasetSource = DatasetQueryRunner & {
  readonly file: string;
  readonly columns: readonly TypedColumn[];
};

function assertKnownColumns(source: DatasetSource, names: readonly string[], role: string): void {
  const known = source.columns.map((c) => c.name);
  const unknown = names.find((name) => !known.includes(name));
  if (unknown !== undefined) {
    throw new UsageError(`${role} "${unknown}" is not a column of the file`, {
      file: source.file,
      hint: `The columns are: ${known.join(', ')}`,
    });
  }
}

function querySpec(input: DatasetAuditInput): DatasetQuerySpec {
  return {
    table: SOURCE_VIEW,
    attributes: input.attributes.map((name) => ({
      name,
      sql: input.attributeSql?.[name] ?? columnGroupSql(name),
    })),
    missing: input.missing,
  };
}

function assertIntersections(input: DatasetAuditInput): void {
  for (const members of input.intersections ?? []) {
    const unknown = members.find((name) => !input.attributes.includes(name));
    if (unknown !== undefined || members.length < 2) {
      throw new UsageError(
        `the intersection ${groupingName(members)} must join two or more audited attributes`,
        {
          hint: `The attributes are: ${input.attributes.join(', ')}`,
        },
      );
    }
  }
}

/**
 * The dataset audit (no predictions): representation of each group and intersection with a chi-square test against
 * expected shares, missing values of every column per group, and the features ranked by their association with
 * each attribute. Five queries on the source; every statistic after them is a pure function.
 */
export async function analyzeDataset(
  source: DatasetSource,
  input: DatasetAuditInput,
): Promise<DatasetAnalysis> {
  const shares = input.expectedShares ? validateExpectedShares(input.expectedShares, input.attributes) : {};
  assertIntersections(input);
  assertKnownColumns(source, input.features, 'feature');
  const spec = querySpec(input);
  const intersections = input.intersections ?? [];
  const counts = await queryGroupCounts(source, spec, input.labelSql, intersections);
  assertExpectedGroupsExist(shares, counts);
  const tables = [...input.attributes, ...intersections.map((members) => groupingName(members))];
  const excluded = new Set([...input.attributes, input.label]);
  const features = source.columns.filter((c) => input.features.includes(c.name) && !excluded.has(c.name));
  return {
    representation: tables.flatMap((attribute) => representationRows(attribute, counts, shares[attribute])),
    goodnessOfFit: input.attributes.flatMap((attribute) => {
      const expected = shares[attribute];
      const observed = counts.filter((c) => c.attribute === attribute);
      return expected ? [chiSquareGoodnessOfFit(attribute, observed, expected)] : [];
    }),
    missingValues: await queryMissingValues(source, spec, source.columns),
    proxies: await queryProxies(source, spec, features),
  };
}
