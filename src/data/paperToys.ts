/**
 * The synthetic regression problems of two MTL papers, as pure seeded generators (rows × features, row-major):
 * - MMoE's (Ma et al. 2018, §4.1): two tasks whose weight vectors have cosine p, with sinusoid terms;
 * - GradNorm's (Chen et al. 2018, §5.1): T tasks f_i(x) = σ_i·tanh((B + ε_i)·x) with very different scales σ_i.
 */
import { deriveSeed, makeRng, type Rng } from './rng';

/** Two orthonormal vectors of length d (Gram–Schmidt on two Gaussian draws). */
function orthonormalPair(rng: Rng, d: number): [Float64Array, Float64Array] {
  const u = Float64Array.from({ length: d }, () => rng.normal());
  const v = Float64Array.from({ length: d }, () => rng.normal());
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);
  const nu = Math.sqrt(dot(u, u));
  for (let i = 0; i < d; i++) u[i] /= nu;
  const proj = dot(u, v);
  for (let i = 0; i < d; i++) v[i] -= proj * u[i];
  const nv = Math.sqrt(dot(v, v));
  for (let i = 0; i < d; i++) v[i] /= nv;
  return [u, v];
}

export interface MmoeSynthetic {
  /** rows × d inputs, each N(0, 1) */
  x: Float32Array;
  /** the two tasks' targets */
  y: [Float32Array, Float32Array];
  /** the weight vectors w1 = c·u1, w2 = c·(p·u1 + √(1 − p²)·u2) */
  w: [Float64Array, Float64Array];
}

/**
 * MMoE's generator: y_t = w_tᵀx + Σ_{i=1..m} sin(α_i·w_tᵀx + β_i) + ε_t, ε_t ~ N(0, 0.01) (std 0.1), with
 * c = 1, m = 10 and α_i, β_i ~ N(0, 1) drawn once per seed (shared by both tasks, as in the paper). The cosine of w1
 * and w2 is exactly p, the knob of the task correlation.
 */
export function mmoeSynthetic(rows: number, d: number, p: number, seed: number, m = 10, c = 1): MmoeSynthetic {
  const shape = makeRng(deriveSeed(seed, 'mmoe:shape'));
  const [u1, u2] = orthonormalPair(shape, d);
  const q = Math.sqrt(Math.max(0, 1 - p * p));
  const w1 = u1.map((v) => c * v);
  const w2 = u1.map((v, i) => c * (p * v + q * u2[i]));
  const alpha = Array.from({ length: m }, () => shape.normal());
  const beta = Array.from({ length: m }, () => shape.normal());
  const rng = makeRng(deriveSeed(seed, 'mmoe:rows'));
  const x = new Float32Array(rows * d);
  const y: [Float32Array, Float32Array] = [new Float32Array(rows), new Float32Array(rows)];
  for (let r = 0; r < rows; r++) {
    let z1 = 0;
    let z2 = 0;
    for (let i = 0; i < d; i++) {
      const v = rng.normal();
      x[r * d + i] = v;
      z1 += w1[i] * v;
      z2 += w2[i] * v;
    }
    let s1 = z1;
    let s2 = z2;
    for (let i = 0; i < m; i++) {
      s1 += Math.sin(alpha[i] * z1 + beta[i]);
      s2 += Math.sin(alpha[i] * z2 + beta[i]);
    }
    y[0][r] = s1 + 0.1 * rng.normal();
    y[1][r] = s2 + 0.1 * rng.normal();
  }
  return { x, y, w: [w1, w2] };
}

/**
 * GradNorm's generator with one output per task: y_t = σ_t·tanh((b + ε_t)ᵀx), b ~ N(0, 10) and ε_t ~ N(0, 3.5)
 * elementwise (variances, as in the paper), x ~ N(0, 1)/√d so the pre-activation has variance about 13.5 whatever d.
 * The scales σ_t set each task's loss scale: the imbalance GradNorm corrects.
 */
export function gradnormToy(rows: number, d: number, sigmas: readonly number[], seed: number): { x: Float32Array; y: Float32Array[] } {
  const shape = makeRng(deriveSeed(seed, 'gradnorm:shape'));
  const b = Float64Array.from({ length: d }, () => Math.sqrt(10) * shape.normal());
  const w = sigmas.map(() => b.map((v) => v + Math.sqrt(3.5) * shape.normal()));
  const rng = makeRng(deriveSeed(seed, 'gradnorm:rows'));
  const x = new Float32Array(rows * d);
  const y = sigmas.map(() => new Float32Array(rows));
  const scale = 1 / Math.sqrt(d);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < d; i++) x[r * d + i] = scale * rng.normal();
    sigmas.forEach((s, t) => {
      let z = 0;
      for (let i = 0; i < d; i++) z += w[t][i] * x[r * d + i];
      y[t][r] = s * Math.tanh(z);
    });
  }
  return { x, y };
}
