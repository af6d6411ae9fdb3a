import type { CheckChange, CheckRef, ResultDiff } from './compare-results.js';

/** Text in a Markdown table cell of a pull-request comment: nothing in it can format, link or break the table. */
export function markdownCell(text: string): string {
  const escaped = text
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/\r?\n/g, ' ');
  return escaped === '' ? ' ' : escaped;
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line), ''];
}

function changeRows(changes: readonly CheckChange[]): string[][] {
  return changes.map((c) => [
    `\`${c.id}\``,
    markdownCell(c.subject),
    `${c.from} → ${c.to}`,
    markdownCell(c.message),
  ]);
}

function refRows(refs: readonly CheckRef[]): string[][] {
  return refs.map((c) => [`\`${c.id}\``, markdownCell(c.subject), c.status, markdownCell(c.message)]);
}

function fixed(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/** True when nothing a reviewer acts on changed. */
export function isQuietDiff(diff: ResultDiff): boolean {
  return (
    diff.startedFailing.length +
      diff.startedPassing.length +
      diff.movedMetrics.length +
      diff.assetsLosingCredentials.length +
      diff.assetsAdded.length +
      diff.assetsRemoved.length ===
    0
  );
}

/** The diff as Markdown for a pull-request comment: what got worse first, then what got better, then the rest. */
export function renderDiffMarkdown(diff: ResultDiff): string {
  const verdict =
    diff.old.verdict === diff.new.verdict
      ? diff.new.verdict.toUpperCase()
      : `${diff.old.verdict.toUpperCase()} → ${diff.new.verdict.toUpperCase()}`;
  const lines = [
    `## rai-audit diff: ${verdict}`,
    '',
    `${diff.startedFailing.length} started failing, ${diff.startedPassing.length} started passing, ${diff.movedMetrics.length} metrics moved beyond their intervals, ${diff.assetsLosingCredentials.length} assets lost credentials (runs of ${markdownCell(diff.old.createdAt)} and ${markdownCell(diff.new.createdAt)}).`,
    '',
  ];
  const header = ['Check', 'Subject', 'Status', 'Message'];
  if (diff.startedFailing.length)
    lines.push('### ✖ Started failing', '', ...table(header, changeRows(diff.startedFailing)));
  if (diff.assetsLosingCredentials.length) {
    const rows = diff.assetsLosingCredentials.map((a) => [
      markdownCell(a.path),
      markdownCell(a.lost.join('; ')),
    ]);
    lines.push('### ✖ Assets losing credentials', '', ...table(['Asset', 'Lost'], rows));
  }
  if (diff.movedMetrics.length) {
    const rows = diff.movedMetrics.map((m) => [
      markdownCell(`${m.attribute}=${m.group}`),
      markdownCell(m.metric),
      `${fixed(m.from)} → ${fixed(m.to)}`,
      `[${fixed(m.interval.lower)}, ${fixed(m.interval.upper)}] (${m.interval.level * 100}% ${m.interval.method})`,
    ]);
    lines.push(
      '### ▲ Metrics outside their previous interval',
      '',
      ...table(['Group', 'Metric', 'Value', 'Previous interval'], rows),
    );
  }
  if (diff.startedPassing.length)
    lines.push('### ✔ Started passing', '', ...table(header, changeRows(diff.startedPassing)));
  const assetsMoved = [
    ...diff.assetsAdded.map((path) => [markdownCell(path), 'added']),
    ...diff.assetsRemoved.map((path) => [markdownCell(path), 'removed']),
  ];
  if (assetsMoved.length)
    lines.push('### Assets added or removed', '', ...table(['Asset', 'Change'], assetsMoved));
  const rest = diff.otherStatusChanges.length + diff.addedChecks.length + diff.removedChecks.length;
  if (rest) {
    lines.push(`<details><summary>Other changes (${rest})</summary>`, '');
    if (diff.otherStatusChanges.length) lines.push(...table(header, changeRows(diff.otherStatusChanges)));
    if (diff.addedChecks.length) lines.push('New checks:', '', ...table(header, refRows(diff.addedChecks)));
    if (diff.removedChecks.length)
      lines.push('Checks no longer run:', '', ...table(header, refRows(diff.removedChecks)));
    lines.push('</details>', '');
  }
  if (isQuietDiff(diff) && rest === 0) lines.push('No check, metric or asset changed.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
