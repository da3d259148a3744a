import { describe, expect, it } from 'vitest';
import { toyEval, toyParetoPoint } from '../../model';
import { contourBands, planeMap } from './toyDraw';

describe('toy landscape drawing', () => {
  it('planeMap: corners by hand, y up, and fromPx inverts px/py', () => {
    const m = planeMap(200, [-10, 10], [-10, 10]);
    expect([m.px(-10), m.py(-10)]).toEqual([0, 200]);
    expect([m.px(10), m.py(10)]).toEqual([200, 0]);
    expect(m.fromPx(150, 50)).toEqual([5, 5]);
    expect(m.fromPx(m.px(-3.2), m.py(7.1))[0]).toBeCloseTo(-3.2, 12);
  });

  it('contour bands: f1’s lowest band holds its minimiser, f2’s its own; bands rise away from them', () => {
    const size = 80;
    const [b1, b2] = contourBands(size);
    const m = planeMap(size, [-10, 10], [-10, 10]);
    const at = (b: Int16Array, x: [number, number]) => b[Math.floor(m.py(x[1])) * size + Math.floor(m.px(x[0]))];
    expect(at(b1, toyParetoPoint(1))).toBe(0);
    expect(at(b2, toyParetoPoint(0))).toBe(0);
    expect(at(b1, [-7, -8.4])).toBeGreaterThan(0);
    expect(Math.min(...b1)).toBe(0);
    expect(Math.max(...b1)).toBe(13);
    // the bands follow the values: a higher f1 never gets a lower band
    const f = (x: [number, number]) => toyEval(x[0], x[1]).f[0];
    const pts: [number, number][] = [[7, -8.4], [0, -8.4], [-7, -8.4], [0, 5]];
    const sorted = [...pts].sort((p, q) => f(p) - f(q));
    for (let i = 1; i < sorted.length; i++) expect(at(b1, sorted[i])).toBeGreaterThanOrEqual(at(b1, sorted[i - 1]));
  });
});
