/**
 * Exact forward parity between the browser's tfjs model and the generated PyTorch model.py: train a few steps
 * in tfjs (cpu backend), hand the weight snapshot and validation inputs to /usr/bin/python3, run the eval-mode
 * forward there and compare every task's outputs (max |Δ| ≤ 1e-4).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  datasetTasks,
  datasetTemplate,
  defaultExperiment,
  graphTemplate,
  makeNode,
  NODE_KINDS,
  TEMPLATES,
  type DatasetConfig,
  type ExperimentConfig,
  type Graph,
  type GraphNode,
  type TaskSpec,
} from '../../model';
import { generateDataset, type MnistDigits } from '../../datasets';
import { createTrainer } from '../../train/tfjs/engine';
import { buildModel } from '../../train/builder';
import { forwardOnce, useCpuBackend, runSteps } from '../../train/testing';
import { generateModelPy, weightKey } from './index';

const PYTHON = '/usr/bin/python3';
const TOLERANCE = 1e-4;
const STEPS = 6;
const ROWS = 48;

/** Seeded stand-in digits (the real ones are fetched in the browser): class c has its own sparse pattern plus noise. */
function fakeDigits(): MnistDigits {
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return {
    byClass: Array.from({ length: 10 }, (_, c) => {
      const a = new Float32Array(6 * 784);
      for (let k = 0; k < 6; k++) for (let i = 0; i < 784; i++) a[k * 784 + i] = (i + 3 * c + k) % (5 + c) === 0 ? 0.5 + 0.5 * rnd() : 0.1 * rnd();
      return a;
    }),
  };
}

/** A graph from nodes (kind + params) and edges [source, target, output k?]. */
function graph(nodes: [id: string, kind: string, params?: GraphNode['params']][], edges: [string, string, number?][]): Graph {
  return {
    nodes: nodes.map(([id, kind, params], i) => makeNode(id, kind, i * 100, 0, params ?? {})),
    edges: edges.map(([source, target, k], i) => ({ id: `e${i}`, source, target, sourceHandle: k === undefined ? null : `out${k}`, targetHandle: null })),
  };
}

/** Heads per task fed from `from(t, i)`. */
const headsFrom = (tasks: TaskSpec[], from: (i: number) => [string, number?]) => ({
  nodes: tasks.map((t) => [`head_${t.id}`, 'head', { taskId: t.id }] as [string, string, GraphNode['params']]),
  edges: tasks.map((t, i): [string, string, number?] => {
    const [source, k] = from(i);
    return [source, `head_${t.id}`, k];
  }),
});

function experiment(dataset: DatasetConfig, tasks: TaskSpec[], g: Graph, batch = 32): ExperimentConfig {
  const cfg = defaultExperiment() as ExperimentConfig;
  return { ...cfg, dataset, tasks, graph: g, optimizer: { ...cfg.optimizer, steps: STEPS, batchSize: batch, learningRate: 0.01 }, evalEvery: 1000 };
}

const synth = defaultExperiment();
const mnist: DatasetConfig = { kind: 'multimnist', nTrain: 64, nVal: 24 };
const seq: DatasetConfig = { kind: 'sequences', nTrain: 96, nVal: 48, length: 12, vocab: 6 };
const mnistTasks = datasetTasks(mnist);
const seqTasks = datasetTasks(seq);

function cases(): [string, ExperimentConfig][] {
  const tpl = (id: string) => experiment(synth.dataset, synth.tasks, graphTemplate(id)!.build(synth.tasks, 2));
  const st = synth.tasks;
  const norms = headsFrom(st, () => ['drop']);
  const merges = headsFrom(st, () => ['mix']);
  const ens = (combine: string) => {
    const h = headsFrom(st, (i) => ['ens', i]);
    return graph([['in', 'input'], ['d1', 'dense', { units: 12, activation: 'tanh' }], ['ens', 'ensemble', { members: 3, hidden: 8, units: 6, combine }], ...h.nodes], [['in', 'd1'], ['d1', 'ens'], ...h.edges]);
  };
  const img = headsFrom(mnistTasks, (i) => [`gap${i}`]);
  const seqHeads = headsFrom(seqTasks, (i) => [`tw${i}`]);
  return [
    // Every template of the menu, on the synthetic dataset.
    ...TEMPLATES.map((t): [string, ExperimentConfig] => [t.id, tpl(t.id)]),
    [
      'norm-residual-dropout',
      experiment(
        synth.dataset,
        st,
        graph(
          [['in', 'input'], ['d1', 'dense', { units: 16, activation: 'relu' }], ['bn', 'batchnorm', { momentum: 0.5 }], ['res', 'residual', { activation: 'tanh' }], ['ln', 'layernorm'], ['drop', 'dropout', { rate: 0.3 }], ...norms.nodes],
          [['in', 'd1'], ['d1', 'bn'], ['bn', 'res'], ['res', 'ln'], ['ln', 'drop'], ...norms.edges],
        ),
      ),
    ],
    [
      'merges-activations',
      experiment(
        synth.dataset,
        st,
        graph(
          [['in', 'input'], ['a', 'dense', { units: 6, activation: 'elu' }], ['b', 'dense', { units: 6, activation: 'sigmoid' }], ['c', 'dense', { units: 6, activation: 'linear' }], ['sum', 'add'], ['cat', 'concat'], ['r', 'reshape', { d1: 3, d2: 4, d3: 0 }], ['f', 'flatten'], ['mix', 'residual', { activation: 'elu' }], ...merges.nodes],
          [['in', 'a'], ['in', 'b'], ['in', 'c'], ['a', 'sum'], ['b', 'sum'], ['sum', 'cat'], ['c', 'cat'], ['cat', 'r'], ['r', 'f'], ['f', 'mix'], ...merges.edges],
        ),
      ),
    ],
    ['ensemble-mean', experiment(synth.dataset, st, ens('mean'))],
    ['ensemble-learned', experiment(synth.dataset, st, ens('learned'))],
    [
      'nddr-maps-ple-3-levels',
      experiment(
        synth.dataset,
        st,
        graph(
          [
            ['in', 'input'],
            ...st.flatMap((_, i): [string, string, GraphNode['params']][] => [[`a${i}`, 'dense', { units: 8, activation: 'tanh' }], [`r${i}`, 'reshape', { d1: 2, d2: 2, d3: 2 }], [`f${i}`, 'flatten', {}]]),
            ['nddr', 'nddr', { alpha: 0.6, activation: 'elu' }],
            ['cat', 'concat'],
            ['ple', 'ple', { levels: 3, sharedExperts: 1, taskExperts: 2, units: 5 }],
            ...headsFrom(st, (i) => ['ple', i]).nodes,
          ],
          [
            ...st.flatMap((_, i): [string, string, number?][] => [['in', `a${i}`], [`a${i}`, `r${i}`], [`r${i}`, 'nddr'], ['nddr', `f${i}`, i], [`f${i}`, 'cat']]),
            ['cat', 'ple'],
            ...headsFrom(st, (i) => ['ple', i]).edges,
          ],
        ),
      ),
    ],
    ['multimnist-lenet', experiment(mnist, mnistTasks, datasetTemplate(mnist, mnistTasks).graph, 16)],
    [
      'image-same-padding',
      experiment(
        mnist,
        mnistTasks,
        graph(
          [['in', 'input'], ['r', 'reshape', { d1: 28, d2: 28, d3: 1 }], ['c1', 'conv2d', { filters: 4, kernel: 4, stride: 3, padding: 'same', activation: 'tanh' }], ['bn', 'batchnorm', { momentum: 0.6 }], ['p', 'maxpool2d', { pool: 3, stride: 2, padding: 'same' }], ['c2', 'conv2d', { filters: 5, kernel: 2, stride: 1, padding: 'same', activation: 'elu' }], ['att', 'taskattention'], ['gap0', 'globalavgpool'], ['gap1', 'globalavgpool'], ...img.nodes],
          [['in', 'r'], ['r', 'c1'], ['c1', 'bn'], ['bn', 'p'], ['p', 'c2'], ['c2', 'att'], ['att', 'gap0', 0], ['att', 'gap1', 1], ...img.edges],
        ),
        16,
      ),
    ],
    ['sequences-bilstm', experiment(seq, seqTasks, datasetTemplate(seq, seqTasks).graph)],
    [
      'sequences-lstm-tam',
      experiment(
        seq,
        seqTasks,
        graph(
          [
            ['in', 'input'],
            ['emb', 'embedding', { vocab: 6, dim: 5 }],
            ['lstm', 'lstm', { units: 6, returnSequences: true }],
            ['bi', 'bilstm', { units: 4, returnSequences: true }],
            ['ln', 'layernorm'],
            ['tam', 'tam', { heads: 2, dModel: 8 }],
            ['gp', 'globalavgpool'],
            ['last', 'lstm', { units: 3, returnSequences: false }],
            ['cat0', 'concat'],
            ['cat1', 'concat'],
            ...seqTasks.map((_, i) => [`tw${i}`, 'dense', { units: 4, activation: 'relu' }] as [string, string, GraphNode['params']]),
            ...seqHeads.nodes,
          ],
          [
            ['in', 'emb'], ['emb', 'lstm'], ['lstm', 'bi'], ['bi', 'ln'], ['ln', 'tam'], ['ln', 'gp'], ['emb', 'last'],
            ['tam', 'cat0', 0], ['gp', 'cat0'], ['tam', 'cat1', 1], ['last', 'cat1'], ['cat0', 'tw0'], ['cat1', 'tw1'], ['tam', 'tw2', 2],
            ...seqHeads.edges,
          ],
        ),
      ),
    ],
  ];
}

interface CaseResult {
  name: string;
  tasks: TaskSpec[];
  expected: Float32Array[];
  /** train-mode cases: every weight tensor after the forward (BatchNorm's running stats moved), by weight key */
  expectedState?: Record<string, Float32Array>;
  got?: { outputs?: number[][]; state?: Record<string, number[]>; error?: string };
}

/** Graphs with BatchNorm (and no dropout) whose training-mode forward is compared: batch statistics and the running-stat update. */
function trainModeCases(): [string, ExperimentConfig][] {
  const st = synth.tasks;
  const vec = headsFrom(st, () => ['ln']);
  const img = headsFrom(mnistTasks, () => ['f']);
  return [
    [
      'train-mode-batchnorm-vector',
      experiment(
        synth.dataset,
        st,
        graph(
          [['in', 'input'], ['d1', 'dense', { units: 16, activation: 'relu' }], ['bn', 'batchnorm', { momentum: 0.5 }], ['res', 'residual', { activation: 'relu' }], ['ln', 'layernorm'], ...vec.nodes],
          [['in', 'd1'], ['d1', 'bn'], ['bn', 'res'], ['res', 'ln'], ...vec.edges],
        ),
      ),
    ],
    [
      'train-mode-batchnorm-image',
      experiment(
        mnist,
        mnistTasks,
        graph(
          [['in', 'input'], ['r', 'reshape', { d1: 28, d2: 28, d3: 1 }], ['c1', 'conv2d', { filters: 3, kernel: 5, stride: 2, padding: 'valid', activation: 'relu' }], ['bn', 'batchnorm', { momentum: 0.7 }], ['f', 'flatten'], ...img.nodes],
          [['in', 'r'], ['r', 'c1'], ['c1', 'bn'], ['bn', 'f'], ...img.edges],
        ),
      ),
    ],
  ];
}

const results: CaseResult[] = [];
const stillAtInit: string[] = [];
let dir = '';

beforeAll(async () => {
  await useCpuBackend();
  const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`${PYTHON} cannot import torch (${(probe.stderr || String(probe.error)).trim().split('\n').pop()}): run \`bash .ci/setup --browser\` to install python3-torch.`);
  }
  dir = mkdtempSync(join(tmpdir(), 'mtl-torch-parity-'));
  const digits = fakeDigits();
  const list: [string, string, 'eval' | 'train'][] = [];
  const write = (name: string, cfg: ExperimentConfig, inputDim: number, weights: Awaited<ReturnType<ReturnType<typeof buildModel>['snapshot']>>, x: Float32Array, n: number) => {
    const caseDir = join(dir, name);
    mkdirSync(caseDir, { recursive: true });
    writeFileSync(join(caseDir, 'model.py'), generateModelPy(cfg, inputDim));
    const arrays: Record<string, { shape: number[]; values: number[] }> = {};
    for (const node of weights) node.tensors.forEach((t, k) => (arrays[weightKey(node.id, k)] = { shape: t.shape, values: Array.from(t.values) }));
    writeFileSync(join(caseDir, 'weights.json'), JSON.stringify(arrays));
    writeFileSync(join(caseDir, 'x.json'), JSON.stringify({ n, dim: inputDim, values: Array.from(x) }));
    return caseDir;
  };
  for (const [name, cfg] of cases()) {
    const data = generateDataset(cfg, { digits });
    const trainer = createTrainer(cfg, data);
    const initial = await trainer.weights();
    await runSteps(trainer, STEPS);
    const weights = await trainer.weights();
    // Trained, not at init: every tensor (BatchNorm's running statistics included) has moved.
    const still = weights.flatMap((node, i) => node.tensors.filter((t, k) => t.values.every((v, j) => v === initial[i].tensors[k].values[j])).map((_, k) => weightKey(node.id, k)));
    stillAtInit.push(...still.map((k) => `${name}: ${k}`));
    const n = Math.min(ROWS, data.nVal);
    const x = data.xVal.slice(0, n * data.inputDim);
    const expected = await trainer.predict(x, n);
    trainer.dispose();
    list.push([name, write(name, cfg, data.inputDim, weights, x, n), 'eval']);
    results.push({ name, tasks: cfg.tasks, expected });
  }
  for (const [name, cfg] of trainModeCases()) {
    const data = generateDataset(cfg, { digits });
    const model = buildModel(cfg, data.inputDim);
    const n = Math.min(ROWS, data.nTrain);
    const x = data.xTrain.slice(0, n * data.inputDim);
    const weights = await model.snapshot();
    const expected = await forwardOnce(model, x, n, data.inputDim, true);
    const after = await model.snapshot();
    model.dispose();
    const expectedState: Record<string, Float32Array> = {};
    for (const node of after) node.tensors.forEach((t, k) => (expectedState[weightKey(node.id, k)] = t.values));
    list.push([name, write(name, cfg, data.inputDim, weights, x, n), 'train']);
    results.push({ name, tasks: cfg.tasks, expected, expectedState });
  }
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(list));
  const script = resolve(import.meta.dirname, 'parity_check.py');
  const run = spawnSync(PYTHON, [script, join(dir, 'cases.json'), join(dir, 'out.json')], { encoding: 'utf8', timeout: 240_000 });
  if (run.status !== 0) throw new Error(`parity_check.py failed: ${run.stderr}`);
  const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, CaseResult['got']>;
  for (const r of results) r.got = out[r.name];
}, 300_000);

afterAll(() => {
  if (dir && !process.env.KEEP_PARITY_DIR) rmSync(dir, { recursive: true, force: true });
});

describe('generated model.py matches the browser model (eval mode, max |Δ| ≤ 1e-4)', () => {
  it('compares trained weights (every tensor moved away from its initial value)', () => {
    expect(stillAtInit).toEqual([]);
  });

  it('covers every node kind in some case', () => {
    const used = new Set([...cases(), ...trainModeCases()].flatMap(([, cfg]) => cfg.graph.nodes.map((n) => n.kind)));
    expect(NODE_KINDS.map((k) => k.kind).filter((k) => !used.has(k))).toEqual([]);
  });

  it.each([...cases(), ...trainModeCases()].map(([name]) => [name]))('%s', (name) => {
    const r = results.find((c) => c.name === name)!;
    expect(r.got?.error ?? null).toBeNull();
    const outs = r.got!.outputs!;
    expect(outs.length).toBe(r.tasks.length);
    const diffs = r.tasks.map((_t, i) => {
      expect(outs[i].length).toBe(r.expected[i].length);
      let m = 0;
      for (let k = 0; k < outs[i].length; k++) m = Math.max(m, Math.abs(outs[i][k] - r.expected[i][k]));
      return m;
    });
    if (process.env.PARITY_REPORT) console.log(`parity ${name}: ${r.tasks.map((t, i) => `${t.id} ${diffs[i].toExponential(2)}`).join(', ')}`);
    for (const d of diffs) expect(d).toBeLessThanOrEqual(TOLERANCE);
    if (r.expectedState) {
      const state = r.got!.state!;
      // The forward moved BatchNorm's running mean away from its zeros (so the comparison below means something).
      expect(r.expectedState['bn/2'].some((v) => v !== 0)).toBe(true);
      expect(Object.keys(state).sort()).toEqual(Object.keys(r.expectedState).sort());
      let m = 0;
      for (const [key, v] of Object.entries(r.expectedState)) v.forEach((e, j) => (m = Math.max(m, Math.abs(e - state[key][j]))));
      if (process.env.PARITY_REPORT) console.log(`parity ${name} state after the training forward: ${m.toExponential(2)}`);
      expect(m).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
