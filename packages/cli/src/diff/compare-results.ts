import {
  isFailing,
  isWarning,
  type AssetResult,
  type AuditResult,
  type Check,
  type Interval,
  type Section,
} from '@rai-audit/core';

/** What changed between two runs, as data: the Markdown and JSON of `rai-audit diff` render it. */
export interface ResultDiff {
  old: { createdAt: string; verdict: string; command: string };
  new: { createdAt: string; verdict: string; command: string };
  startedFailing: CheckChange[];
  startedPassing: CheckChange[];
  otherStatusChanges: CheckChange[];
  addedChecks: CheckRef[];
  removedChecks: CheckRef[];
  movedMetrics: MetricMove[];
  assetsAdded: string[];
  assetsRemoved: string[];
  assetsLosingCredentials: AssetLoss[];
}

export interface CheckRef {
  id: string;
  subject: string;
  status: Check['status'];
  message: string;
}

export interface CheckChange {
  id: string;
  subject: string;
  from: Check['status'];
  to: Check['status'];
  message: string;
}

export interface MetricMove {
  section: string;
  attribute: string;
  group: string;
  metric: string;
  from: number;
  to: number;
  /** The old interval the new value falls outside of. */
  interval: Pick<Interval, 'lower' | 'upper' | 'level' | 'method'>;
}

export interface AssetLoss {
  path: string;
  lost: string[];
}

function subjectKey(check: Check): string {
  return Object.entries(check.subject)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

function keyed(checks: readonly Check[]): Map<string, Check> {
  return new Map(checks.map((check) => [`${check.id}\u0000${subjectKey(check)}`, check]));
}

/** Failing means: fails the verdict or warns. Waived failures are accepted, so they do not count. */
function bad(check: Check): boolean {
  return isFailing(check) || isWarning(check);
}

function compareChecks(oldChecks: readonly Check[], newChecks: readonly Check[]) {
  const before = keyed(oldChecks);
  const after = keyed(newChecks);
  const out = {
    startedFailing: [] as CheckChange[],
    startedPassing: [] as CheckChange[],
    otherStatusChanges: [] as CheckChange[],
    addedChecks: [] as CheckRef[],
    removedChecks: [] as CheckRef[],
  };
  for (const [key, check] of after) {
    const previous = before.get(key);
    const ref = { id: check.id, subject: subjectKey(check), message: check.message };
    if (!previous) {
      out.addedChecks.push({ ...ref, status: check.status });
      if (bad(check)) out.startedFailing.push({ ...ref, from: 'not-applicable', to: check.status });
      continue;
    }
    if (previous.status === check.status) continue;
    const change = { ...ref, from: previous.status, to: check.status };
    if (bad(check) && !bad(previous)) out.startedFailing.push(change);
    else if (!bad(check) && bad(previous)) out.startedPassing.push(change);
    else out.otherStatusChanges.push(change);
  }
  for (const [key, check] of before) {
    if (!after.has(key))
      out.removedChecks.push({
        id: check.id,
        subject: subjectKey(check),
        status: check.status,
        message: check.message,
      });
  }
  return out;
}

function outside(value: number, interval: Interval): boolean {
  return value < interval.lower || value > interval.upper;
}

/** Per-group metrics and summaries whose new value lies outside the old value's interval. */
function compareMetrics(oldSections: readonly Section[], newSections: readonly Section[]): MetricMove[] {
  const moves: MetricMove[] = [];
  for (const section of newSections) {
    if (section.kind !== 'bias') continue;
    const previous = oldSections.find((s) => s.kind === 'bias' && s.id === section.id);
    if (previous?.kind !== 'bias') continue;
    const oldGroups = new Map(previous.groups.map((g) => [`${g.attribute}\u0000${g.group}`, g]));
    for (const group of section.groups) {
      const old = oldGroups.get(`${group.attribute}\u0000${group.group}`);
      if (!old) continue;
      for (const [metric, now] of Object.entries(group.metrics)) {
        const was = old.metrics[metric as keyof typeof old.metrics];
        if (!was?.interval || was.value === null || now?.value == null) continue;
        if (outside(now.value, was.interval)) {
          const { lower, upper, level, method } = was.interval;
          moves.push({
            section: section.id,
            attribute: group.attribute,
            group: group.group,
            metric,
            from: was.value,
            to: now.value,
            interval: { lower, upper, level, method },
          });
        }
      }
    }
    for (const summary of section.summaries) {
      const was = previous.summaries.find(
        (s) =>
          s.attribute === summary.attribute && s.summary === summary.summary && s.basis === summary.basis,
      );
      if (!was?.interval || was.value === null || summary.value === null) continue;
      if (outside(summary.value, was.interval)) {
        const { lower, upper, level, method } = was.interval;
        moves.push({
          section: section.id,
          attribute: summary.attribute,
          group: '(summary)',
          metric: summary.summary,
          from: was.value,
          to: summary.value,
          interval: { lower, upper, level, method },
        });
      }
    }
  }
  return moves;
}

const STATE_RANK = { Invalid: 0, Valid: 1, Trusted: 2 } as const;

/** The credentials an asset had before and no longer has. */
function lostCredentials(was: AssetResult, now: AssetResult): string[] {
  const lost: string[] = [];
  const before = was.c2pa?.outcome === 'manifest' ? STATE_RANK[was.c2pa.state ?? 'Invalid'] : -1;
  const after = now.c2pa?.outcome === 'manifest' ? STATE_RANK[now.c2pa.state ?? 'Invalid'] : -1;
  if (after < before) {
    const to =
      now.c2pa?.outcome === 'manifest' ? (now.c2pa.state ?? 'Invalid') : (now.c2pa?.outcome ?? 'unread');
    lost.push(`C2PA ${was.c2pa?.state ?? 'manifest'} → ${to}`);
  }
  const declared = (a: AssetResult) =>
    a.declaration?.verdict === 'ai-generated' || a.declaration?.verdict === 'composite-with-ai';
  if (declared(was) && !declared(now)) lost.push(`AI declaration (${now.declaration?.verdict ?? 'unread'})`);
  if (was.watermark?.status === 'found' && now.watermark?.status !== 'found') {
    lost.push(
      `watermark ${was.watermark.payload ?? ''} (${now.watermark?.status ?? 'unread'})`.replace('  ', ' '),
    );
  }
  return lost;
}

function assetsOf(sections: readonly Section[]): Map<string, AssetResult> {
  const assets = new Map<string, AssetResult>();
  for (const section of sections) {
    if (section.kind !== 'content-credentials') continue;
    for (const asset of section.assets) assets.set(`${section.root}\u0000${asset.path}`, asset);
  }
  return assets;
}

function compareAssets(oldSections: readonly Section[], newSections: readonly Section[]) {
  const before = assetsOf(oldSections);
  const after = assetsOf(newSections);
  const name = (key: string) => key.split('\u0000')[1] ?? key;
  const losing: AssetLoss[] = [];
  for (const [key, asset] of after) {
    const was = before.get(key);
    const lost = was ? lostCredentials(was, asset) : [];
    if (lost.length) losing.push({ path: name(key), lost });
  }
  return {
    assetsAdded: [...after.keys()].filter((key) => !before.has(key)).map(name),
    assetsRemoved: [...before.keys()].filter((key) => !after.has(key)).map(name),
    assetsLosingCredentials: losing,
  };
}

/** Compares two AuditResults (an older and a newer run of the same audits). */
export function compareResults(older: AuditResult, newer: AuditResult): ResultDiff {
  const describe = (r: AuditResult) => ({
    createdAt: r.createdAt,
    verdict: r.summary.verdict,
    command: r.command,
  });
  return {
    old: describe(older),
    new: describe(newer),
    ...compareChecks(older.checks, newer.checks),
    movedMetrics: compareMetrics(older.sections, newer.sections),
    ...compareAssets(older.sections, newer.sections),
  };
}
