import { describe, expect, it } from 'vitest';
import { extent, makeScale, nearestIndex, PAD, plotted, shownMarkers, type Series } from './lineDraw';

const s = (ys: number[], right = false): Series => ({ key: String(ys[0]), label: '', colour: '#000', ys, right });

describe('line chart geometry', () => {
  it('extent per axis: from zero when that reads better, widened when flat, [0,1] when empty', () => {
    expect(extent([s([1, 4]), s([100], true)], false)).toEqual([0, 4]);
    expect(extent([s([3, 4])], false)).toEqual([3, 4]);
    expect(extent([s([2, NaN, 2])], false)).toEqual([1, 3]);
    expect(extent([s([1])], true)).toEqual([0, 1]);
    expect(extent([s([-1, 5])], false)).toEqual([-1, 5]);
  });

  it('log scale maps the left axis only, leaving gaps for non-positive values', () => {
    const [l, r] = plotted([s([100, 0]), s([100], true)], true);
    expect(Array.from(l.ys)).toEqual([2, NaN]);
    expect(r.ys).toEqual([100]);
  });

  it('markers strictly after the first step and up to the last; none with one point', () => {
    const m = [{ x: 0, label: 'a' }, { x: 5, label: 'b' }, { x: 10, label: 'c' }, { x: 11, label: 'd' }];
    expect(shownMarkers(m, [0, 5, 10]).map((x) => x.label)).toEqual(['b', 'c']);
    expect(shownMarkers(m, [5])).toEqual([]);
  });

  it('nearest index and the pixel mapping', () => {
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
    expect(nearestIndex([], 3)).toBe(0);
    const sc = makeScale([0, 10], [s([0, 1])], 200 + PAD.l + PAD.r, 100 + PAD.t + PAD.b, false);
    expect([sc.W, sc.H]).toEqual([200, 100]);
    expect(sc.px(5)).toBe(PAD.l + 100);
    expect(sc.py(1)).toBe(PAD.t);
    expect(sc.py(0)).toBe(PAD.t + 100);
    expect(makeScale([3], [s([1])], 100, 100, false).px(3)).toBe(PAD.l + (100 - PAD.l - PAD.r) / 2);
  });
});
