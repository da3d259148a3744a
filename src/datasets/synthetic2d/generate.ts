/**
 * 2D synthetic multi-task data. Every task reads a smooth scalar field
 * h_i = (r·s + (1−r)·u_i) / √(r² + (1−r)²) over the plane [−1, 1]², where s is
 * one shared random field and u_i a field of the task's own; r is the
 * relatedness knob (1 → all tasks read the same field). Binary tasks split h_i
 * at its median, multi-class tasks at its quantiles, regression predicts the
 * standardised h_i. Noise jitters the observed inputs and the regression target.
 */
import { deriveSeed, makeRng, type Rng } from '../../data/rng';
import type { DatasetArrays, TaskSpec } from '../../model';
import type { DatasetBuilder } from '../build';
import type { Synthetic2DConfig } from './schema';

const WAVES = 4;

/** A random smooth field: sum of sinusoids with random directions, frequencies and phases. */
function randomField(rng: Rng): (x: number, y: number) => number {
  const ws: number[][] = [];
  for (let k = 0; k < WAVES; k++) ws.push([rng.normal() * 2.2, rng.normal() * 2.2, rng.next() * 2 * Math.PI, rng.normal()]);
  return (x, y) => {
    let v = 0;
    for (const [a, b, c, amp] of ws) v += amp * Math.sin(a * x + b * y + c);
    return v;
  };
}

/** Quantile cut points splitting `values` into `k` equally populated classes. */
export function quantileCuts(values: Float64Array, k: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let j = 1; j < k; j++) cuts.push(sorted[Math.floor((j * sorted.length) / k)]);
  return cuts;
}

/** Generate the dataset deterministically from (config, tasks, seed). */
export function generateSynthetic2D(cfg: Synthetic2DConfig, tasks: TaskSpec[], seed: number): DatasetArrays {
  const n = Math.max(4, Math.round(cfg.nPoints));
  const nVal = Math.min(n - 2, Math.max(1, Math.round(n * cfg.valFraction)));
  const nTrain = n - nVal;
  const r = Math.min(1, Math.max(0, cfg.relatedness));
  const norm = Math.sqrt(r * r + (1 - r) * (1 - r));

  // Streams keyed by task id: a task's data does not depend on which other tasks exist
  // (so a single-task baseline sees exactly the targets the multi-task run saw).
  const shared = randomField(makeRng(deriveSeed(seed, 'fields')));
  const own = tasks.map((t) => randomField(makeRng(deriveSeed(seed, 'field:' + t.id))));

  const ptRng = makeRng(deriveSeed(seed, 'points'));
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = ptRng.next() * 2 - 1;
    py[i] = ptRng.next() * 2 - 1;
  }

  const noiseRng = makeRng(deriveSeed(seed, 'noise'));
  const xs = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    xs[2 * i] = px[i] + cfg.noise * noiseRng.normal();
    xs[2 * i + 1] = py[i] + cfg.noise * noiseRng.normal();
  }

  const yTrain: Record<string, Float32Array> = {};
  const yVal: Record<string, Float32Array> = {};
  tasks.forEach((task, ti) => {
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) h[i] = (r * shared(px[i], py[i]) + (1 - r) * own[ti](px[i], py[i])) / norm;
    const y = new Float32Array(n);
    if (task.kind === 'regression') {
      let mean = 0;
      for (const v of h) mean += v / n;
      let sd = 0;
      for (const v of h) sd += ((v - mean) * (v - mean)) / n;
      sd = Math.sqrt(sd) || 1;
      const targetNoise = makeRng(deriveSeed(seed, 'noise:' + task.id));
      for (let i = 0; i < n; i++) y[i] = (h[i] - mean) / sd + cfg.noise * targetNoise.normal();
    } else {
      const k = task.kind === 'binary' ? 2 : task.classes;
      const cuts = quantileCuts(h, k);
      for (let i = 0; i < n; i++) {
        let c = 0;
        while (c < cuts.length && h[i] >= cuts[c]) c++;
        y[i] = c;
      }
    }
    yTrain[task.id] = y.slice(0, nTrain);
    yVal[task.id] = y.slice(nTrain);
  });

  return { inputDim: 2, xTrain: xs.slice(0, nTrain * 2), xVal: xs.slice(nTrain * 2), nTrain, nVal, yTrain, yVal };
}

declare module '../build' {
  interface DatasetBuilders {
    synthetic2d: true;
  }
}

export const builder: DatasetBuilder<'synthetic2d'> = { kind: 'synthetic2d', generate: generateSynthetic2D };
