/** How the prediction of each row is obtained: a column, or the score against one threshold or one per group. */
export type PredictionSource =
  | { kind: 'column'; column: string }
  | { kind: 'threshold'; threshold: number }
  | {
      kind: 'per-group';
      /** The attribute whose groups have their own threshold. */
      attribute: string;
      thresholds: ReadonlyArray<{ group: string; threshold: number }>;
      /** The threshold of the groups not listed; without it their prediction is NULL (an error when read). */
      fallback?: number;
    };

/** The range score bins cover: fixed, or `from-data` ([0, 1] when every score lies in it, else [min, max]). */
export type ScoreRange = { min: number; max: number } | 'from-data';

/** The score column and its equal-width bins: a fixed range, or [0, 1] / [min, max] computed by the query itself. */
export interface ScoreBinningSpec {
  column: string;
  bins: number;
  range: ScoreRange;
}

/** What the aggregation query needs: the relation, the groupings, the outcome columns, score and weight. */
export interface AggregationSpec {
  /** A table or view name, `schema.table` allowed; for `--emit-sql` the user's warehouse table. */
  table: string;
  attributes: readonly string[];
  intersections?: ReadonlyArray<readonly string[]>;
  /** Ascending bucket edges of numeric attributes (their groups are the buckets). */
  buckets?: Readonly<Record<string, { edges: readonly number[]; labels: readonly string[] }>>;
  label: string;
  /** Absent in a dataset audit. */
  prediction?: PredictionSource;
  /** Required when the prediction comes from the score. */
  score?: ScoreBinningSpec;
  weight?: string;
}
