/**
 * Bounded curves: a series that grows by appends keeps at most `cap` points. Past the cap, the older half is thinned
 * to every other point (its first point kept) and the newest half stays whole, so a long run keeps its whole shape
 * at a coarser grain and its recent window at full grain. Amortised O(1) per appended point.
 */

/** `points` followed by `more`, thinned to ≤ cap (cap ≥ 4) as above; returns a new array, inputs untouched. */
export function boundedAppend<T>(points: readonly T[], more: readonly T[], cap: number): T[] {
  let out = points.concat(more);
  while (out.length > cap) {
    const keep = Math.floor(cap / 2);
    const old = out.length - keep;
    const thinned: T[] = [];
    for (let i = 0; i < old; i += 2) thinned.push(out[i]);
    out = thinned.concat(out.slice(old));
  }
  return out;
}
