import { describe, expect, it } from 'vitest';
import { TOY_STARTS, toyEval, WEIGHTINGS } from '../model';
import { strategyHooks } from './hooks';
import { createStrategy } from './weighting';
import { createToyRun, TOY_LOSS_OFFSET, toyDirection } from './toyDriver';

const LR = 0.01;
/** The driver's direction for a fresh strategy (default params unless given) at x, step 0. */
function direction(kind: string, x: [number, number], params = {}) {
  const s = createStrategy({ kind, params, weights: {} }, ['f1', 'f2'], 1, LR);
  return toyDirection(strategyHooks(s, 2), s.needsGrads, 0, x);
}
/** Adam's t-th step (bias-corrected, ε-hat form, β = 0.9/0.999, ε = 1e-7) from moment sums, by hand. */
function adamStep(ds: number[], t: number, lr: number): number {
  let m = 0;
  let v = 0;
  for (const d of ds) [m, v] = [0.9 * m + 0.1 * d, 0.999 * v + 0.001 * d * d];
  const c2 = Math.sqrt(1 - 0.999 ** t);
  return ((lr * c2) / (1 - 0.9 ** t)) * (m / (Math.sqrt(v) + 1e-7 * c2));
}

describe('toy driver: directions at the symmetric point (0, −8)', () => {
  // There c1 = 0, c2 = tanh 4, x2 + 8 = 0 and q1 = q2 = 4.9 − 20 = −15.1, so ∇f1 = (−a, b), ∇f2 = (a, b) with
  // a = 1.4·tanh 4 (from c2·(x1 ∓ 7)/5) and b = 7.55·sech²4 (from −½sech²(x2/2)·q): they conflict (b² < a²).
  const a = 1.4 * Math.tanh(4);
  const b = 7.55 / Math.cosh(4) ** 2;
  const x: [number, number] = [0, -8];
  it('the gradients are the hand-worked ones', () => {
    const { g } = toyEval(0, -8);
    [[-a, b], [a, b]].forEach((v, t) => v.forEach((c, k) => expect(g[t][k]).toBeCloseTo(c, 12)));
  });
  it('equal: d = ∇f1 + ∇f2 = (0, 2b)', () => {
    const { d, shared } = direction('equal', x);
    expect(shared).toEqual([1, 1]);
    expect(d[0]).toBeCloseTo(0, 14);
    expect(d[1]).toBeCloseTo(2 * b, 12);
  });
  it('pcgrad: each gradient loses its component along the other, k = (b² − a²)/(a² + b²): d = (0, 4a²b/(a² + b²))', () => {
    const { d, shared } = direction('pcgrad', x);
    const alpha = (2 * a * a) / (a * a + b * b); // 1 − k
    shared.forEach((s) => expect(s).toBeCloseTo(alpha, 12));
    expect(d[0]).toBeCloseTo(0, 14);
    expect(d[1]).toBeCloseTo((4 * a * a * b) / (a * a + b * b), 12);
  });
  it('mgda: equal norms, so the min-norm point is the midpoint: d = (0, b)', () => {
    const { d, shared } = direction('mgda', x);
    shared.forEach((s) => expect(s).toBeCloseTo(0.5, 12));
    expect(d[1]).toBeCloseTo(b, 12);
  });
  it('cagrad (c = 0.4): g0 = (0, b), the dual picks w = ½ so g_w = g0 and λ = c: d = g0·(1 + c)/(1 + c²)', () => {
    const { d, shared } = direction('cagrad', x, { c: 0.4 });
    shared.forEach((s) => expect(s).toBeCloseTo((0.5 + 0.4 * 0.5) / 1.16, 12));
    expect(d[1]).toBeCloseTo((b * 1.4) / 1.16, 12);
  });
  it('the first Adam step leaves x1 (d1 = 0) and lowers x2 by lr·d2/(|d2| + ε), for each of them', () => {
    for (const kind of ['equal', 'pcgrad', 'mgda', 'cagrad']) {
      const run = createToyRun({ kind, start: x, optimiser: 'adam', lr: LR, seed: 1 });
      run.advance(1);
      const d2 = direction(kind, x).d[1];
      expect(run.path[2]).toBeCloseTo(0, 12);
      expect(run.path[3]).toBeCloseTo(-8 - (LR * d2) / (d2 + 1e-7), 12);
    }
  });
});

describe('toy driver: first steps from the first standard start (−8.5, 7.5)', () => {
  const start = [...TOY_STARTS[0]] as [number, number];
  const [g1, g2] = toyEval(...start).g;
  const add = (u: number[], v: number[], p = 1, q = 1) => u.map((c, k) => p * c + q * v[k]);
  const dot = (u: number[], v: number[]) => u[0] * v[0] + u[1] * v[1];
  const norm = (u: number[]) => Math.sqrt(dot(u, u));

  it('the gradients do not conflict there (g1·g2 > 0): PCGrad is plain equal weighting', () => {
    expect(dot(g1, g2)).toBeGreaterThan(0);
    const e = direction('equal', start).d;
    const p = direction('pcgrad', start).d;
    add(g1, g2).forEach((c, k) => (expect(e[k]).toBeCloseTo(c, 12), expect(p[k]).toBeCloseTo(c, 12)));
  });
  it('mgda: the two-task min-norm weight γ = clamp((g2 − g1)·g2 / ‖g1 − g2‖², 0, 1) on g1', () => {
    const diff = add(g2, g1, 1, -1);
    const gamma = Math.min(1, Math.max(0, dot(diff, g2) / dot(diff, diff)));
    const want = add(g1, g2, gamma, 1 - gamma);
    const { d } = direction('mgda', start);
    want.forEach((c, k) => expect(d[k]).toBeCloseTo(c, 12));
  });
  it('cagrad: d = (g0 + c‖g0‖·g_w/‖g_w‖)/(1 + c²), w minimising g_w·g0 + c‖g0‖‖g_w‖ on [0, 1] (golden-section search here)', () => {
    const c = 0.4;
    const g0 = add(g1, g2, 0.5, 0.5);
    const F = (w: number) => {
      const gw = add(g1, g2, w, 1 - w);
      return dot(gw, g0) + c * norm(g0) * norm(gw);
    };
    let [lo, hi] = [0, 1];
    for (let i = 0; i < 200; i++) {
      const m1 = lo + (hi - lo) * 0.382;
      const m2 = lo + (hi - lo) * 0.618;
      if (F(m1) < F(m2)) hi = m2;
      else lo = m1;
    }
    const gw = add(g1, g2, (lo + hi) / 2, 1 - (lo + hi) / 2);
    const want = add(g0, gw, 1 / (1 + c * c), (c * norm(g0)) / norm(gw) / (1 + c * c));
    const { d } = direction('cagrad', start, { c });
    want.forEach((v, k) => expect(d[k]).toBeCloseTo(v, 8));
  });
  it('two Adam steps of equal weighting, by hand', () => {
    const run = createToyRun({ kind: 'equal', start, optimiser: 'adam', lr: LR, seed: 1 });
    run.advance(2);
    const d0 = add(g1, g2);
    const x1 = [start[0] - adamStep([d0[0]], 1, LR), start[1] - adamStep([d0[1]], 1, LR)];
    const [h1, h2] = toyEval(x1[0], x1[1]).g;
    const d1 = add(h1, h2);
    const x2 = [x1[0] - adamStep([d0[0], d1[0]], 2, LR), x1[1] - adamStep([d0[1], d1[1]], 2, LR)];
    [...start, ...x1, ...x2].forEach((v, i) => expect(run.path[i]).toBeCloseTo(v, 12));
  });
  it('SGD moves by exactly lr·d', () => {
    const run = createToyRun({ kind: 'mgda', start, optimiser: 'sgd', lr: 0.5, seed: 1 });
    run.advance(1);
    const { d } = direction('mgda', start);
    expect(run.path.slice(2)).toEqual([start[0] - 0.5 * d[0], start[1] - 0.5 * d[1]]);
  });
});

describe('toy driver over the whole strategy registry', () => {
  it.each(WEIGHTINGS.map((w) => w.id))('%s runs 300 steps from every standard start: finite path, losses = f(path)', (kind) => {
    for (const s of TOY_STARTS) {
      const run = createToyRun({ kind, start: [...s] as [number, number], optimiser: 'adam', lr: LR, seed: 2 });
      run.advance(300);
      expect(run.error).toBeNull();
      expect(run.steps).toBe(300);
      expect(run.path).toHaveLength(602);
      expect(run.path.every(Number.isFinite)).toBe(true);
      for (const i of [0, 150, 300]) expect(toyEval(run.path[2 * i], run.path[2 * i + 1]).f).toEqual(run.losses.slice(2 * i, 2 * i + 2));
      // it moved, and no further than Adam allows: a coordinate's step is at most ≈ lr·(1 − β1)/√(1 − β2) ≈ 3.2·lr
      const dist = Math.hypot(run.path[600] - s[0], run.path[601] - s[1]);
      expect(dist).toBeGreaterThan(0);
      expect(dist).toBeLessThan(300 * LR * Math.SQRT2 * 3.2);
    }
  });
  it('strategies read positive losses (f + 21) and an unknown id is refused', () => {
    expect(Math.min(...[...TOY_STARTS, [0, -8.4] as const].flatMap(([a, b]) => toyEval(a, b).f)) + TOY_LOSS_OFFSET).toBeGreaterThan(0);
    expect(() => createToyRun({ kind: 'nope', start: [0, 0], optimiser: 'adam', lr: LR, seed: 1 })).toThrow(/unknown weighting strategy/);
  });
});
