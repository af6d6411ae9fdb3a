/** At most this many points per line: enough for a smooth curve at report size, small enough to keep the HTML light. */
const MAX_LINE_POINTS = 100;

/**
 * Evenly spaced points of a line, first and last kept, at most `max` of them; a line already that short is returned
 * as is. Picking points (not averaging them) keeps every drawn point a real point of the result.
 */
export function thinLine<T>(points: readonly T[], max: number = MAX_LINE_POINTS): T[] {
  if (points.length <= max) return [...points];
  if (max < 2) return points.slice(0, Math.max(0, max));
  const step = (points.length - 1) / (max - 1);
  const picked: T[] = [];
  let last = -1;
  for (let i = 0; i < max; i += 1) {
    const index = Math.round(i * step);
    if (index === last) continue;
    const point = points[index];
    if (point !== undefined) picked.push(point);
    last = index;
  }
  return picked;
}
