import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { makeRng } from '../data';
import { datasetTasks, datasetTemplate, defaultExperiment, makeNode, type DatasetArrays, type DatasetConfig, type ExperimentConfig, type Graph, type GraphNode } from '../model';
import { createTrainer } from './tfjs/engine';
import { runSteps } from './testing';
import { useWasmBackend } from './wasmKernels.testing';

beforeAll(async () => {
  await useWasmBackend();
});

function randn(n: number, seed: number): Float32Array {
  const rng = makeRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** The same computation on the cpu backend (tfjs's reference kernels) and on wasm (with ours). */
async function onBoth(fn: () => tf.Tensor[]): Promise<{ cpu: Float32Array[]; wasm: Float32Array[] }> {
  const run = async (b: string) => {
    await tf.setBackend(b);
    const out = tf.tidy(fn);
    const values = out.map((t) => t.dataSync() as Float32Array);
    tf.dispose(out);
    return values;
  };
  const cpu = await run('cpu');
  const wasm = await run('wasm');
  return { cpu, wasm };
}

/** max |a − b| over max |b|: relative to the reference's scale, so that near-zero entries do not blow it up. */
function relErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / Math.max(m, 1e-30);
}

type ConvCase = [b: number, h: number, w: number, c: number, f: number, k: number, stride: number, pad: 'same' | 'valid'];
const CONV_CASES: ConvCase[] = [
  [2, 5, 5, 1, 3, 3, 1, 'same'],
  [2, 5, 5, 1, 3, 3, 1, 'valid'],
  [3, 7, 6, 2, 4, 3, 2, 'same'],
  [3, 7, 6, 2, 4, 3, 2, 'valid'],
  [2, 8, 8, 3, 5, 2, 2, 'valid'],
  [2, 8, 8, 3, 5, 2, 2, 'same'],
  [1, 9, 7, 4, 2, 5, 2, 'same'],
  [2, 6, 6, 2, 3, 1, 2, 'same'],
  [2, 6, 6, 2, 3, 1, 2, 'valid'],
  [2, 9, 9, 2, 3, 4, 3, 'valid'],
  [4, 12, 12, 10, 20, 5, 1, 'valid'], // the LeNet's second layer, small batch
  [2, 28, 28, 1, 10, 5, 1, 'valid'], // and its first
];

describe('conv2d gradients on wasm match the cpu backend', () => {
  it.each(CONV_CASES)('x [%i, %i, %i, %i], %i filters, kernel %i, stride %i, %s', async (b, h, w, c, f, k, s, pad) => {
    const outH = pad === 'same' ? Math.ceil(h / s) : Math.floor((h - k) / s) + 1;
    const outW = pad === 'same' ? Math.ceil(w / s) : Math.floor((w - k) / s) + 1;
    const xv = randn(b * h * w * c, 1);
    const wv = randn(k * k * c * f, 2);
    const dyv = randn(b * outH * outW * f, 3);
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.tensor4d(xv, [b, h, w, c]);
      const filter = tf.tensor4d(wv, [k, k, c, f]);
      const dy = tf.tensor4d(dyv, [b, outH, outW, f]);
      const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, s, pad), dy)));
      return g([x, filter]);
    });
    expect(relErr(wasm[0], cpu[0]), 'dx').toBeLessThan(1e-5);
    expect(relErr(wasm[1], cpu[1]), 'dW').toBeLessThan(1e-5);
  });

  it('leave no tensor behind', () => {
    const x = tf.tensor4d(randn(2 * 7 * 7 * 2, 4), [2, 7, 7, 2]);
    const filter = tf.tensor4d(randn(3 * 3 * 2 * 3, 5), [3, 3, 2, 3]);
    const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.relu(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, 2, 'same'))));
    tf.dispose(g([x, filter]));
    const tensors = tf.memory().numTensors;
    const data = tf.engine().backend.numDataIds();
    for (let i = 0; i < 3; i++) tf.dispose(g([x, filter]));
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(data);
    tf.dispose([x, filter]);
  });
});

type PoolCase = [b: number, h: number, w: number, c: number, pool: number, stride: number, pad: 'same' | 'valid'];
const POOL_CASES: PoolCase[] = [
  [2, 4, 4, 3, 2, 2, 'valid'],
  [2, 5, 5, 3, 2, 2, 'valid'],
  [2, 5, 5, 3, 2, 2, 'same'],
  [2, 7, 6, 2, 3, 2, 'same'], // overlapping windows
  [2, 6, 6, 2, 3, 1, 'same'],
  [1, 6, 5, 4, 2, 1, 'valid'],
  [3, 24, 24, 10, 2, 2, 'valid'], // the LeNet's first pool
];

describe('maxPool gradient on wasm matches the cpu backend', () => {
  it.each(POOL_CASES)('x [%i, %i, %i, %i], pool %i, stride %i, %s', async (b, h, w, c, pool, s, pad) => {
    const outH = pad === 'same' ? Math.ceil(h / s) : Math.floor((h - pool) / s) + 1;
    const outW = pad === 'same' ? Math.ceil(w / s) : Math.floor((w - pool) / s) + 1;
    const xv = randn(b * h * w * c, 6);
    const dyv = randn(b * outH * outW * c, 7);
    const { cpu, wasm } = await onBoth(() => {
      const dy = tf.tensor4d(dyv, [b, outH, outW, c]);
      const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, pool, s, pad), dy)));
      return [g(tf.tensor4d(xv, [b, h, w, c]))];
    });
    expect(relErr(wasm[0], cpu[0])).toBeLessThan(1e-6);
  });

  it('breaks ties as the cpu backend does (after a relu, whole windows are 0)', async () => {
    const rng = makeRng(8);
    const xv = Float32Array.from({ length: 2 * 6 * 6 * 3 }, () => Math.round(rng.next() * 3) - 1);
    const dyv = randn(2 * 3 * 3 * 3, 9);
    const { cpu, wasm } = await onBoth(() => {
      const dy = tf.tensor4d(dyv, [2, 3, 3, 3]);
      const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(tf.relu(x) as tf.Tensor4D, 2, 2, 'valid'), dy)));
      return [g(tf.tensor4d(xv, [2, 6, 6, 3]))];
    });
    expect(Array.from(wasm[0])).toEqual(Array.from(cpu[0]));
  });
});

describe('matMul with transposes on wasm', () => {
  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('transposeA %s, transposeB %s, batched and not', async (ta, tb) => {
    const { cpu, wasm } = await onBoth(() => {
      const a = tf.tensor2d(randn(6 * 4, 10), ta ? [4, 6] : [6, 4]);
      const b = tf.tensor2d(randn(4 * 5, 11), tb ? [5, 4] : [4, 5]);
      const a3 = tf.tensor3d(randn(2 * 6 * 4, 12), ta ? [2, 4, 6] : [2, 6, 4]);
      const b3 = tf.tensor3d(randn(2 * 4 * 5, 13), tb ? [2, 5, 4] : [2, 4, 5]);
      return [tf.matMul(a, b, ta, tb), tf.matMul(a3, b3, ta, tb)];
    });
    expect(relErr(wasm[0], cpu[0])).toBeLessThan(1e-6);
    expect(relErr(wasm[1], cpu[1])).toBeLessThan(1e-6);
  });
});

describe('gather on wasm', () => {
  it('matches the cpu backend along any axis, for float and int tensors and 2-D indices', async () => {
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.tensor3d(randn(4 * 3 * 5, 14), [4, 3, 5]);
      const xi = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
      return [
        tf.gather(x, tf.tensor1d([3, 0, 0, 2], 'int32')),
        tf.gather(x, tf.tensor2d([2, 1, 0, 2], [2, 2], 'int32'), 1),
        tf.gather(x, tf.tensor1d([4, 1], 'int32'), 2),
        tf.cast(tf.gather(xi, tf.tensor1d([2, 2, 0], 'int32')), 'float32'),
      ];
    });
    for (let i = 0; i < cpu.length; i++) expect(Array.from(wasm[i]), `case ${i}`).toEqual(Array.from(cpu[i]));
  });

  it('refuses an index out of range', () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    expect(() => tf.gather(x, tf.tensor1d([2], 'int32'))).toThrow('GatherV2: the index value 2 is not in [0, 1]');
  });
});

describe('clone on wasm shares data, tfjs-style', () => {
  it('a clone outlives its source', () => {
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.clone(a);
    a.dispose();
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3]);
    const data = tf.engine().backend.numDataIds();
    b.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(data - 1);
  });

  it('so does a cast to the same dtype; other casts convert', () => {
    const a = tf.tensor1d([1.5, -2, 0]);
    const same = tf.cast(a, 'float32');
    const int = tf.cast(a, 'int32');
    a.dispose();
    expect(Array.from(same.dataSync())).toEqual([1.5, -2, 0]);
    expect(Array.from(int.dataSync())).toEqual([1, -2, 0]);
    tf.dispose([same, int]);
  });
});

/** Random images and labels in the MultiMNIST layout (784 pixels, two 10-way tasks): timing-free parity data. */
function randomImages(cfg: ExperimentConfig, nTrain: number, nVal: number): DatasetArrays {
  const rng = makeRng(21);
  const labels = (n: number) => Object.fromEntries(cfg.tasks.map((t) => [t.id, Float32Array.from({ length: n }, () => Math.floor(rng.next() * 10))]));
  return { inputDim: 784, nTrain, nVal, xTrain: Float32Array.from({ length: nTrain * 784 }, () => rng.next()), xVal: Float32Array.from({ length: nVal * 784 }, () => rng.next()), yTrain: labels(nTrain), yVal: labels(nVal) };
}

function imageExperiment(graph: Graph): ExperimentConfig {
  const base = defaultExperiment();
  const dataset: DatasetConfig = { kind: 'multimnist', nTrain: 32, nVal: 8 };
  const tasks = datasetTasks(dataset);
  return { ...base, dataset, tasks, graph: graph.nodes.length ? graph : datasetTemplate(dataset, tasks).graph, optimizer: { ...base.optimizer, steps: 6, batchSize: 8, learningRate: 0.01 }, evalEvery: 3 };
}

/** A graph with stride-2/3 convs, same padding and overlapping pools, for the two MultiMNIST heads. */
function stridedGraph(): Graph {
  const node = (id: string, kind: string, params: GraphNode['params'] = {}) => makeNode(id, kind, 0, 0, params);
  const chain = ['in', 'r', 'c1', 'p1', 'c2', 'p2', 'fl'];
  const nodes = [
    node('in', 'input'),
    node('r', 'reshape', { d1: 28, d2: 28, d3: 1 }),
    node('c1', 'conv2d', { filters: 4, kernel: 4, stride: 3, padding: 'same', activation: 'tanh' }),
    node('p1', 'maxpool2d', { pool: 3, stride: 2, padding: 'same' }),
    node('c2', 'conv2d', { filters: 5, kernel: 3, stride: 2, padding: 'valid', activation: 'relu' }),
    node('p2', 'maxpool2d', { pool: 2, stride: 1, padding: 'same' }),
    node('fl', 'flatten'),
    node('head_left', 'head', { taskId: 'left' }),
    node('head_right', 'head', { taskId: 'right' }),
  ];
  const edges = [...chain.slice(1).map((id, i) => [chain[i], id]), ['fl', 'head_left'], ['fl', 'head_right']].map(([source, target]) => ({ id: `${source}_${target}`, source, target }));
  return { nodes, edges };
}

describe('Adam steps of conv nets through the trainer: wasm matches cpu', () => {
  it.each([
    ['the MultiMNIST LeNet template', { nodes: [], edges: [] }],
    ['strided convs, same padding, overlapping pools', stridedGraph()],
  ] as [string, Graph][])('%s', async (_name, graph) => {
    const cfg = imageExperiment(graph);
    const data = randomImages(cfg, 32, 8);
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const t = createTrainer(cfg, data);
      const points = await runSteps(t, cfg.optimizer.steps);
      const weights = await t.weights();
      t.dispose();
      return { losses: points.map((p) => p.totalLoss), weights: weights.flatMap((n) => n.tensors.map((x) => Float32Array.from(x.values))) };
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(wasm.losses.length).toBe(3);
    for (let i = 0; i < cpu.losses.length; i++) expect(Math.abs(wasm.losses[i] - cpu.losses[i]) / Math.abs(cpu.losses[i])).toBeLessThan(1e-4);
    // Adam divides by √v: where a weight's gradient is ~0 (a relu at its kink), a rounding-sized difference
    // becomes a step of about lr. So a handful of entries may drift by lr; all others stay within 1e-5.
    expect(wasm.weights.length).toBe(cpu.weights.length);
    let drifted = 0;
    let total = 0;
    for (let i = 0; i < cpu.weights.length; i++) {
      const [a, b] = [wasm.weights[i], cpu.weights[i]];
      const scale = Math.max(...b.map(Math.abs));
      for (let k = 0; k < a.length; k++) {
        const d = Math.abs(a[k] - b[k]);
        expect(d, `tensor ${i}[${k}]`).toBeLessThan(2 * cfg.optimizer.learningRate);
        if (d > 1e-5 * scale) drifted++;
      }
      total += a.length;
    }
    expect(drifted).toBeLessThanOrEqual(Math.max(2, total * 1e-3));
  });
});
