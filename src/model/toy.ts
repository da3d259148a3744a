/**
 * The two-objective toy landscape of CAGrad (Liu et al. 2021), also used by Nash-MTL and FAMO for their figures:
 * two objectives over two parameters x = (x1, x2), a log-valley for x2 > 0 blended into two quadratic bowls for
 * x2 < 0. Values and analytic gradients, the three standard starting points, and the Pareto set. Pure.
 */

const LOWER = 0.000005;

/** The starting points of CAGrad's figure. */
export const TOY_STARTS: readonly [number, number][] = [
  [-8.5, 7.5],
  [-8.5, -5],
  [9, 9],
];

/** Plot bounds of the parameter plane (the papers' figures). */
export const TOY_BOUNDS = { x1: [-10, 10], x2: [-10, 10] } as const;

export interface ToyEval {
  /** objective values [f1, f2] */
  f: [number, number];
  /** gradients [∇f1, ∇f2], each [∂/∂x1, ∂/∂x2] */
  g: [[number, number], [number, number]];
}

const sech2 = (v: number) => {
  const c = Math.cosh(v);
  return 1 / (c * c);
};

/** A log term log(max(|u|, LOWER)) + 6 and its derivative in u (0 where the clamp holds, as in torch). */
function logTerm(u: number): [number, number] {
  const a = Math.abs(u);
  return a > LOWER ? [Math.log(a) + 6, 1 / u] : [Math.log(LOWER) + 6, 0];
}

/**
 * f1 = c1·(log|−x1/2 − 3.5 + tanh x2| + 6) + c2·(((x1 − 7)² + 0.1(x2 + 8)²)/10 − 20),
 * f2 = c1·(log|−x1/2 + 3.5 − tanh x2| + 6) + c2·(((x1 + 7)² + 0.1(x2 + 8)²)/10 − 20),
 * with c1 = max(tanh(x2/2), 0) and c2 = max(tanh(−x2/2), 0); the gradients by hand.
 */
export function toyEval(x1: number, x2: number): ToyEval {
  const th = Math.tanh(x2);
  const s = sech2(x2);
  const [l1, dl1] = logTerm(-0.5 * x1 - 3.5 + th);
  const [l2, dl2] = logTerm(-0.5 * x1 + 3.5 - th);
  const c1 = Math.max(Math.tanh(x2 / 2), 0);
  const dc1 = x2 > 0 ? 0.5 * sech2(x2 / 2) : 0;
  const c2 = Math.max(Math.tanh(-x2 / 2), 0);
  const dc2 = x2 < 0 ? -0.5 * sech2(x2 / 2) : 0;
  const q1 = ((x1 - 7) ** 2 + 0.1 * (x2 + 8) ** 2) / 10 - 20;
  const q2 = ((x1 + 7) ** 2 + 0.1 * (x2 + 8) ** 2) / 10 - 20;
  const dq2dx2 = 0.02 * (x2 + 8);
  return {
    f: [c1 * l1 + c2 * q1, c1 * l2 + c2 * q2],
    g: [
      [c1 * dl1 * -0.5 + (c2 * (x1 - 7)) / 5, c1 * dl1 * s + dc1 * l1 + c2 * dq2dx2 + dc2 * q1],
      [c1 * dl2 * -0.5 + (c2 * (x1 + 7)) / 5, c1 * dl2 * -s + dc1 * l2 + c2 * dq2dx2 + dc2 * q2],
    ],
  };
}

/**
 * The Pareto-optimal point for preference λ ∈ [0, 1] (the minimiser of λ·f1 + (1 − λ)·f2 in the bowl region
 * x2 < 0): x1 = 7(2λ − 1) in closed form, x2 the root of ∂/∂x2 = c2′·q + c2·q′ by bisection on [−10, −8].
 */
export function toyParetoPoint(lambda: number): [number, number] {
  const x1 = 7 * (2 * lambda - 1);
  const dx2 = (x2: number) => {
    const e = toyEval(x1, x2);
    return lambda * e.g[0][1] + (1 - lambda) * e.g[1][1];
  };
  let lo = -10;
  let hi = -8;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (dx2(mid) > 0) hi = mid;
    else lo = mid;
  }
  return [x1, (lo + hi) / 2];
}

/** `n` points of the Pareto set, λ from 0 to 1, with their objective values (the Pareto front). */
export function toyParetoSet(n = 41): { x: [number, number]; f: [number, number] }[] {
  return Array.from({ length: n }, (_, i) => {
    const x = toyParetoPoint(i / (n - 1));
    return { x, f: toyEval(x[0], x[1]).f };
  });
}

/** One strategy's run on the toy landscape, as the page asks the driver for it (src/train/toyDriver.ts). */
export interface ToyRunSpec {
  /** a weighting strategy id of the registry, with its params (defaults where absent) */
  kind: string;
  params?: Record<string, number | string | boolean>;
  start: [number, number];
  /** the optimiser that applies the combined direction, and its learning rate */
  optimiser: 'adam' | 'sgd';
  lr: number;
  seed: number;
}

/** A toy run in progress: advance it, read its path. Paths hold steps + 1 points (the start first). */
export interface ToyRun {
  readonly steps: number;
  /** x1, x2 of every point so far, interleaved */
  readonly path: number[];
  /** f1, f2 of every point so far, interleaved */
  readonly losses: number[];
  /** run `n` more optimiser steps; stops early (and sets `error`) if the strategy throws */
  advance(n: number): void;
  /** the strategy's message when it failed on this landscape */
  readonly error: string | null;
}

/** Starts a toy run (the page receives it from the composition root, so the view needs no training code). */
export type ToyRunner = (spec: ToyRunSpec) => ToyRun;
