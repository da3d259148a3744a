/**
 * Test-only helpers of the sequence kinds' fast kernels (embedding, lstm, bilstm; never imported by app code): one
 * kernel compiled on its own with weights one sets by hand, a finite-difference gradient check, and the sequence
 * dataset's experiment for parity runs.
 */
import { expect } from 'vitest';
import { datasetTasks, datasetTemplate, makeNode, type DatasetConfig, type ExperimentConfig, type ParamValue, type Shape } from '../../model';
import { makeRng } from '../../data';
import type { FastKernel, FastLayer, NodeIO } from './kernel';
import { sizeOf } from './kernel';

/** A kernel compiled alone: its layer, its parameters P (set them by hand) and the tensors' offsets in call order. */
export function compileAlone(kernel: FastKernel, params: Record<string, ParamValue>, inShape: Shape, outShape: Shape): { layer: FastLayer; P: Float32Array; offs: number[]; outWidth: number; inWidth: number } {
  const inits: (Float32Array | number)[] = [];
  const sizes: number[] = [];
  let n = 0;
  const offs: number[] = [];
  const layer = kernel({
    id: 'k',
    params: { frozen: false, ...params },
    inShapes: [inShape],
    outShapes: [outShape],
    tasks: [],
    rng: makeRng(7),
    seedFor: () => 1,
    param: (shape, init) => {
      offs.push(n);
      inits.push(init);
      sizes.push(sizeOf(shape));
      n += sizeOf(shape);
      return offs[offs.length - 1];
    },
    state: () => {
      throw new Error('no state');
    },
  });
  const P = new Float32Array(n);
  inits.forEach((v, i) => (typeof v === 'number' ? P.fill(v, offs[i], offs[i] + sizes[i]) : P.set(v, offs[i])));
  return { layer, P, offs, outWidth: sizeOf(outShape), inWidth: sizeOf(inShape) };
}

/** Runs forward on B rows of x; returns the io (outs[0] is the output) with zeroed gradient buffers. */
export function runForward(c: ReturnType<typeof compileAlone>, x: Float32Array, B: number, withDx = true): NodeIO {
  const io: NodeIO = {
    B,
    ins: [x],
    outs: [new Float32Array(B * c.outWidth)],
    dIns: [withDx ? new Float32Array(B * c.inWidth) : null],
    dOuts: [new Float32Array(B * c.outWidth)],
    scratch: c.layer.scratch?.(B) ?? [],
    training: true,
    step: 0,
  };
  c.layer.forward(io, c.P, new Float32Array(0));
  return io;
}

/**
 * Checks backward against central differences of L = Σ r ⊙ out (r fixed, random) in float64-free float32 arithmetic:
 * every parameter's and input's gradient within `tol` (absolute, plus 2 % relative).
 */
export function checkGradients(c: ReturnType<typeof compileAlone>, x: Float32Array, B: number, tol = 2e-3): void {
  const rng = makeRng(3);
  const r = Float32Array.from({ length: B * c.outWidth }, () => rng.next() * 2 - 1);
  const loss = () => runForward(c, x, B).outs[0].reduce((a, v, i) => a + v * r[i], 0);
  const io = runForward(c, x, B);
  io.dOuts[0].set(r);
  const G = new Float32Array(c.P.length);
  c.layer.backward(io, c.P, G);
  const eps = 1e-2;
  const numeric = (v: Float32Array, i: number) => {
    const keep = v[i];
    v[i] = keep + eps;
    const up = loss();
    v[i] = keep - eps;
    const down = loss();
    v[i] = keep;
    return (up - down) / (2 * eps);
  };
  for (let i = 0; i < c.P.length; i++) expect(Math.abs(G[i] - numeric(c.P, i)), `param ${i}`).toBeLessThan(tol + 0.02 * Math.abs(G[i]));
  const dx = io.dIns[0]!;
  for (let i = 0; i < x.length; i++) expect(Math.abs(dx[i] - numeric(x, i)), `input ${i}`).toBeLessThan(tol + 0.02 * Math.abs(dx[i]));
}

/** The token-sequence dataset (small: parity runs train it on both engines) with its Embedding → BiLSTM template and α/β weights. */
export function sequenceExperiment(c: ExperimentConfig): void {
  const dataset: DatasetConfig = { kind: 'sequences', nTrain: 96, nVal: 32, length: 6, vocab: 6 };
  c.dataset = dataset;
  c.tasks = datasetTasks(dataset);
  const tpl = datasetTemplate(dataset, c.tasks);
  c.graph = tpl.graph;
  if (tpl.weighting) c.weighting = tpl.weighting;
}

/** Replaces template node `id`'s chain with `kinds` in a row (each [id, kind, params]): in … → new chain → what `id` fed. */
export function replaceNode(c: ExperimentConfig, id: string, chain: [string, string, Record<string, ParamValue>][]): void {
  const into = c.graph.edges.filter((e) => e.target === id).map((e) => e.source);
  const outOf = c.graph.edges.filter((e) => e.source === id).map((e) => e.target);
  c.graph.nodes = c.graph.nodes.filter((n) => n.id !== id);
  c.graph.edges = c.graph.edges.filter((e) => e.source !== id && e.target !== id);
  chain.forEach(([cid, kind, params]) => c.graph.nodes.push(makeNode(cid, kind, 0, 0, params)));
  const first = chain[0][0];
  const last = chain[chain.length - 1][0];
  into.forEach((s) => c.graph.edges.push({ id: `e_${s}_${first}`, source: s, target: first }));
  for (let i = 1; i < chain.length; i++) c.graph.edges.push({ id: `e_${chain[i - 1][0]}_${chain[i][0]}`, source: chain[i - 1][0], target: chain[i][0] });
  outOf.forEach((t) => c.graph.edges.push({ id: `e_${last}_${t}`, source: last, target: t }));
}
