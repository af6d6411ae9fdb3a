import type { RunWarning } from '@rai-audit/core';
import type { SkippedPath, SkipReason } from './walk-folder.js';

/** The sentence of a warning about `count` skipped paths of one kind. */
const SKIP_TEXT: Readonly<Record<SkipReason, (count: number) => string>> = {
  'link-outside-root': (count) =>
    count === 1
      ? '1 symbolic link leads outside the verified folder and was not followed (its target is neither read nor named)'
      : `${count} symbolic links lead outside the verified folder and were not followed (their targets are neither read nor named)`,
  'output-folder': (count) => `${count} report folder(s) (--out) not verified`,
  excluded: (count) => (count === 1 ? '1 path was excluded' : `${count} paths were excluded`),
};

const LISTED = 10;

/** `a.png, b/c.png and 3 more`: the first few skipped paths. */
export function describeSkipped(skipped: readonly SkippedPath[]): string {
  const shown = skipped.slice(0, LISTED).map((entry) => entry.path);
  const more = skipped.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** One run warning per kind of skipped path, naming the first few (never a link's target). */
export function skippedWarnings(skipped: readonly SkippedPath[]): RunWarning[] {
  const reasons: SkipReason[] = ['link-outside-root', 'excluded'];
  return reasons.flatMap((reason) => {
    const paths = skipped.filter((entry) => entry.reason === reason);
    if (paths.length === 0) return [];
    return [
      {
        code: `assets.skipped-${reason}`,
        message: `${SKIP_TEXT[reason](paths.length)}: ${describeSkipped(paths)}`,
      },
    ];
  });
}
