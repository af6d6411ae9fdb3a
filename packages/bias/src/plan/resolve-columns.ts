import { InputError, UsageError, closestMatch } from '@rai-audit/core';

export interface RequestedColumns {
  attributes: readonly string[];
  label: string;
  prediction?: string;
  score?: string;
  weight?: string;
}

export interface ResolvedColumns {
  attributes: string[];
  label: string;
  prediction?: string;
  score?: string;
  weight?: string;
}

const ROLES = ['label', 'prediction', 'score', 'weight'] as const;

// A listing longer than this stops helping; the "did you mean" carries the likely fix.
const LISTED_COLUMNS = 40;

/** Rejects column choices that make no sense whatever the file holds (exit 2). */
export function assertColumnChoices(requested: RequestedColumns): void {
  if (requested.attributes.length === 0) {
    throw new UsageError('no sensitive attribute given', {
      hint: 'Name one or more columns, e.g. --attribute sex,race',
    });
  }
  const seen = new Set<string>();
  for (const attribute of requested.attributes) {
    if (seen.has(attribute))
      throw new UsageError(`attribute "${attribute}" is given twice`, { hint: 'Name each attribute once' });
    seen.add(attribute);
  }
  for (const role of ROLES) {
    const column = requested[role];
    if (column !== undefined && seen.has(column)) {
      throw new UsageError(`column "${column}" is given both as an attribute and as the ${role}`, {
        hint: `A sensitive attribute cannot also be the ${role}`,
      });
    }
  }
  const roles = ROLES.flatMap((role) =>
    requested[role] === undefined ? [] : [[role, requested[role]] as const],
  );
  for (const [i, [role, column]] of roles.entries()) {
    const other = roles.slice(i + 1).find(([, name]) => name === column);
    if (other) {
      throw new UsageError(`column "${column}" is given both as the ${role} and as the ${other[0]}`, {
        hint:
          role === 'label' && other[0] === 'prediction'
            ? 'The label is the ground truth; the prediction is what the model decided'
            : `Give the ${role} and the ${other[0]} as different columns`,
      });
    }
  }
}

function describeColumns(available: readonly string[]): string {
  const listed = available.slice(0, LISTED_COLUMNS).join(', ');
  return available.length > LISTED_COLUMNS ? `${listed}, … (${available.length} in all)` : listed;
}

function delimiterHint(available: readonly string[]): string {
  const only = available.length === 1 ? available[0] : undefined;
  return only !== undefined && /[,;\t|]/.test(only)
    ? '; the file was read as one single column: is its delimiter the one its extension implies?'
    : '';
}

/** The column the user meant: an exact match, else the only case-insensitive one (DuckDB names are case-insensitive). */
function findColumn(name: string, available: readonly string[]): string | undefined {
  if (available.includes(name)) return name;
  const folded = available.filter((column) => column.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/** Maps each requested column to the file's spelling; InputError listing the file's columns when one is unknown. */
export function resolveColumns(
  requested: RequestedColumns,
  available: readonly string[],
  file: string,
): ResolvedColumns {
  const resolveOne = (name: string): string => {
    const found = findColumn(name, available);
    if (found !== undefined) return found;
    const near = closestMatch(name, available);
    const suggestion =
      near === undefined ? 'Check the spelling against the columns listed' : `Did you mean "${near}"?`;
    throw new InputError(`column "${name}" not found; columns are: ${describeColumns(available)}`, {
      file,
      hint: `${suggestion}${delimiterHint(available)}`,
    });
  };
  const resolved: ResolvedColumns = {
    attributes: requested.attributes.map(resolveOne),
    label: resolveOne(requested.label),
  };
  for (const role of ['prediction', 'score', 'weight'] as const) {
    const name = requested[role];
    if (name !== undefined) resolved[role] = resolveOne(name);
  }
  return resolved;
}
