/**
 * Test-only helpers for the JS engine's parity with the tfjs engine (imported by src/kinds/<kind>/fast.test.ts
 * and src/train tests, never by app code): both engines train the same config step by step on tfjs's CPU
 * backend, and every step's losses and every weight must agree.
 */
import { beforeAll, expect, it } from 'vitest';
import { coerceParams, defaultExperiment, makeNode, nodeKind, type ExperimentConfig, type GraphNode, type ParamValue, type RandomDatasetConfig, type Shape } from '../../model';
import { makeRng } from '../../data';
import { generateDataset } from '../../datasets';
import { createTrainer } from '../tfjs/engine';
import { useCpuBackend } from '../testing';
import type { Trainer } from '../trainer';
import type { NodeWeights } from '../../protocol';
import { createFastTrainer } from './engine';
import { KIND_KERNELS } from '../../kinds/fast.gen';
import type { FastKernel, FastLayer, NodeIO } from './kernel';

/** Largest |a − b| / max(1, |a|) over two equally long lists. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(b.length).toBe(a.length);
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
  return Number.isNaN(w) ? Infinity : w;
}

/** Every weight (variables and state) of a trainer, joined in snapshot order. */
async function flatWeights(t: Trainer): Promise<number[]> {
  return (await t.weights()).flatMap((n) => n.tensors.flatMap((x) => Array.from(x.values)));
}

/**
 * Trains `cfg` on both engines for `steps` steps; after every step the evaluated losses (train subset and
 * validation, per task) and all weights agree within `tol` (relative above 1). `init`: warm-start both from these
 * weights first. Returns the largest gaps seen.
 */
export async function expectParity(cfg: ExperimentConfig, steps = 50, tol = 1e-4, init?: NodeWeights[]): Promise<{ loss: number; weight: number }> {
  const data = generateDataset(cfg);
  const a = createTrainer(cfg, data);
  const b = createFastTrainer(cfg, data);
  expect(b.paramCount).toBe(a.paramCount);
  const gap = { loss: 0, weight: 0 };
  try {
    // A warm start first: both engines must copy the same nodes (and report them alike).
    if (init) expect(b.loadWeights(init)).toEqual(a.loadWeights(init));
    expect(worst(await flatWeights(a), await flatWeights(b)), 'initial weights').toBe(0);
    for (let s = 0; s < steps; s++) {
      await a.trainStep();
      await b.trainStep();
      const [pa, pb] = [await a.evaluate(), await b.evaluate()];
      const la = pa.tasks.flatMap((p) => [p.trainLoss, p.valLoss]);
      const lb = pb.tasks.flatMap((p) => [p.trainLoss, p.valLoss]);
      gap.loss = Math.max(gap.loss, worst(la, lb));
      gap.weight = Math.max(gap.weight, worst(await flatWeights(a), await flatWeights(b)));
      expect(gap.loss, `losses after step ${s + 1}`).toBeLessThan(tol);
      expect(gap.weight, `weights after step ${s + 1}`).toBeLessThan(tol);
    }
  } finally {
    a.dispose();
    b.dispose();
  }
  return gap;
}

/** The default experiment (2D dataset, hard sharing) with `edit` applied, trained `steps` steps. */
export function configWith(edit: (c: ExperimentConfig) => void, steps = 50): ExperimentConfig {
  const c = defaultExperiment();
  c.optimizer.steps = steps;
  edit(c);
  return c;
}

/** Puts a new node `id` of `kind` on the edge source → target (the edge is replaced by source → id → target). */
export function insertNode(c: ExperimentConfig, source: string, target: string, id: string, kind: string, params: GraphNode['params'] = {}): void {
  c.graph.nodes.push(makeNode(id, kind, 0, 0, params));
  c.graph.edges = c.graph.edges.filter((e) => !(e.source === source && e.target === target));
  c.graph.edges.push({ id: `e_${source}_${id}`, source, target: id }, { id: `e_${id}_${target}`, source: id, target });
}

/** One parity case of a kind: a name and the edit of the default experiment that puts the kind in its graph. */
export type ParityCase = [name: string, edit: (c: ExperimentConfig) => void];

/** Registers one Vitest case per ParityCase: `kind` in a small graph trains alike on both engines for 50 steps. */
export function checkFastParity(kind: string, cases: ParityCase[]): void {
  beforeAll(useCpuBackend);
  for (const [name, edit] of cases) {
    it(`${kind}: ${name} trains like the tfjs engine (losses and weights within 1e-4 over 50 steps)`, async () => {
      const cfg = configWith(edit);
      expect(cfg.graph.nodes.some((n) => n.kind === kind)).toBe(true);
      await expectParity(cfg);
    }, 60_000);
  }
}

/** One kind's kernel compiled alone on `inShape` (params completed with the kind's defaults): its layer, P (weights settable), and G. */
export function compileKernel(kind: string, params: Record<string, ParamValue>, inShape: Shape, outShape: Shape): { layer: FastLayer; P: Float32Array; G: Float32Array } {
  const spec = nodeKind(kind)!;
  const sizes: number[] = [];
  const inits: (Float32Array | number)[] = [];
  const layer = ((KIND_KERNELS as Record<string, FastKernel>)[kind])({
    id: 'n',
    params: coerceParams(spec.params, params),
    inShapes: [inShape],
    outShapes: [outShape],
    tasks: [],
    rng: makeRng(1),
    seedFor: () => 1,
    param: (shape, init) => {
      const off = sizes.reduce((a, b) => a + b, 0);
      sizes.push(shape.reduce((a, b) => a * b, 1));
      inits.push(init);
      return off;
    },
    state: () => 0,
  });
  const P = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let off = 0;
  inits.forEach((init, i) => {
    if (typeof init === 'number') P.fill(init, off, off + sizes[i]);
    else P.set(init, off);
    off += sizes[i];
  });
  return { layer, P, G: new Float32Array(P.length) };
}

/** Forward of a compiled kernel on B rows of x, then (with dy) backward: the output, ∂L/∂x and the parameter gradient. */
export function runKernel(k: ReturnType<typeof compileKernel>, B: number, x: Float32Array, outWidth: number, dy?: Float32Array): { y: number[]; dx: number[]; G: number[] } {
  const io: NodeIO = {
    B,
    ins: [x],
    outs: [new Float32Array(B * outWidth)],
    dIns: [new Float32Array(x.length)],
    dOuts: [dy ? Float32Array.from(dy) : new Float32Array(B * outWidth)],
    scratch: k.layer.scratch?.(B) ?? [],
    training: true,
    step: 0,
  };
  k.layer.forward(io, k.P, new Float32Array(0));
  const y = Array.from(io.outs[0]);
  if (dy) k.layer.backward(io, k.P, k.G);
  return { y, dx: Array.from(io.dIns[0]!), G: Array.from(k.G) };
}

/**
 * An image model on the default experiment: random N(0, 1) data of H·W·C features (benchmark dataset), reshaped to
 * [H, W, C], then `layers` (kind, params) in a chain in front of Dense d1 (the first layer must end in a vector or a Flatten).
 */
export function imageChain(c: ExperimentConfig, [H, W, C]: [number, number, number], layers: [kind: string, params: GraphNode['params']][]): void {
  (c as { dataset: unknown }).dataset = { kind: 'random', nPoints: 80, inputDim: H * W * C, valFraction: 0.25 } satisfies RandomDatasetConfig;
  let prev = 'in';
  for (const [i, [kind, params]] of [['reshape', { d1: H, d2: W, d3: C }] as [string, GraphNode['params']], ...layers].entries()) {
    insertNode(c, prev, 'd1', `l${i}`, kind, params);
    prev = `l${i}`;
  }
}
