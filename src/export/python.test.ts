/**
 * The exported PyTorch project really runs: written to a temp dir and driven with /usr/bin/python3 (Debian's torch).
 * Slow (tens of seconds): it starts Python several times, including torchrun with two gloo processes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { deriveSeed, makeRng, permutation } from '../data';
import { generateDataset, type DataSources } from '../datasets';
import { coerceParams, datasetTasks, datasetTemplate, defaultExperiment, TEMPLATES, WEIGHTINGS, type DatasetConfig, type ExperimentConfig, type NodeWeights } from '../model';
import { readout } from '../protocol/insight';
import { createTrainer } from '../train/tfjs/engine';
import { createStrategy, gramOf } from '../train/weighting';
import { useCpuBackend, runSteps } from '../train/testing';
import { projectFiles, type ProjectRun } from './project';
import { generateModelPy, weightKey } from './torch';

const PY = '/usr/bin/python3';
const dirs: string[] = [];

function hasTorch(): boolean {
  return existsSync(PY) && spawnSync(PY, ['-c', 'import torch, numpy'], { encoding: 'utf8' }).status === 0;
}

/** Write the project of `cfg` (plus a run's weights) to a fresh temp dir. */
function writeProject(cfg: ExperimentConfig, run?: ProjectRun, sources: DataSources = {}, warm?: NodeWeights[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtl-pytorch-'));
  dirs.push(dir);
  const data = generateDataset(cfg, sources);
  const files = projectFiles({ config: cfg, data, modelPy: generateModelPy(cfg, data.inputDim), weightKey, run, warm });
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

function py(dir: string, args: string[], timeout = 240_000): { status: number | null; out: string } {
  const r = spawnSync(PY, args, { cwd: dir, encoding: 'utf8', timeout, env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** torchrun's --tee prefixes each worker line with "[default0]:". */
const L = String.raw`^(?:\[\w+\]:)?`;
const lines = (out: string, re: string) => out.match(new RegExp(L + re, 'gm')) ?? [];

/**
 * torchrun through the project's torchrun_compat.py: Debian's torch 1.13 on Python 3.11 crashes in its launcher
 * (Std.from_str('0') is None) before starting workers; --standalone picks a free rendezvous port.
 */
const TORCHRUN = ['torchrun_compat.py', '--standalone', '--nproc_per_node=2'];

/** step → task id → train loss, from train.py's `step=… task=… train_loss=…` lines. */
function trainLosses(out: string): Map<number, Map<string, number>> {
  const m = new Map<number, Map<string, number>>();
  for (const x of out.matchAll(new RegExp(L + String.raw`step=(\d+) task=(\S+) train_loss=(\S+)`, 'gm'))) {
    const s = Number(x[1]);
    if (!m.has(s)) m.set(s, new Map());
    m.get(s)!.set(x[2], Number(x[3]));
  }
  return m;
}

function hardSharing(): ExperimentConfig {
  const cfg = defaultExperiment();
  cfg.dataset = { ...cfg.dataset, nPoints: 400 };
  cfg.optimizer = { ...cfg.optimizer, kind: 'adam', learningRate: 0.02, batchSize: 32 };
  cfg.evalEvery = 10;
  return cfg;
}

beforeAll(async () => {
  if (!hasTorch()) throw new Error(`${PY} cannot import torch and numpy: run \`bash .ci/setup --browser\` (installs Debian's python3-torch)`);
  await useCpuBackend();
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('exported PyTorch project', { timeout: 240_000 }, () => {
  it("common.py reproduces the browser's seeded streams (batch order, RLW, PCGrad)", () => {
    const dir = writeProject(hardSharing());
    const code = "import common as C; r=C.Rng(C.derive_seed(42,'rlw')); print(C.epoch_permutation(10,7,3)); print([round(r.normal(),12) for _ in range(3)])";
    const out = execFileSync(PY, ['-c', code], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    const perm = Array.from(permutation(10, makeRng(deriveSeed(deriveSeed(7, 'batches'), '3'))));
    expect(JSON.parse(out[0])).toEqual(perm);
    const r = makeRng(deriveSeed(42, 'rlw'));
    JSON.parse(out[1]).forEach((v: number) => expect(v).toBeCloseTo(r.normal(), 10));
  });

  it('common.py strategies give the same coefficients as the browser’s, step for step (every registry strategy)', () => {
    const dir = writeProject(hardSharing());
    const ids = ['a', 'b', 'c'];
    const rng = makeRng(5);
    // Conflicting task gradients (the third partly opposes the first), changing losses; epochs end and evaluations happen.
    // 14 steps, an epoch every 2: long enough for warm-ups (STCH leaves its 4 warm-up epochs at step 10).
    const steps = Array.from({ length: 14 }, (_, s) => {
      // float32 values: the engines hand gradient vectors as Float32Array, Python reads the same numbers.
      const g = [0, 1, 2].map((t) => Array.from({ length: 5 }, (_, k) => Math.fround(rng.normal() + (t === 2 ? -0.8 : 0.5) * (k === 0 ? 3 : 0))));
      const losses = ids.map(() => 0.2 + rng.next());
      return { step: s, losses, g, gram: gramOf(g), val: ids.map(() => 0.3 + rng.next()), after: losses.map((l) => l * (0.6 + 0.5 * rng.next())) };
    });
    // Each strategy with its defaults, and once per other option of each of its select params (a variant the export
    // refuses by name, such as MGDA on the representation, is left out; the defaults never are).
    const cases = WEIGHTINGS.flatMap((w) => {
      const variants: Record<string, string | number | boolean>[] = [coerceParams(w.params, {})];
      for (const p of w.params)
        if (p.type === 'select') for (const o of p.options) if (o !== p.default) variants.push(coerceParams(w.params, { [p.key]: o }));
      return variants.map((params, v) => ({ kind: w.id, params, weights: { a: 2, b: 0.5 }, defaults: v === 0 }));
    });
    const expected = cases.map((c) => {
      const st = createStrategy(c, ids, 11, 0.05);
      return steps.map((x) => {
        const vectors = WEIGHTINGS.find((w) => w.id === c.kind)!.gradVectors ? { grads: x.g.map((v) => Float32Array.from(v)) } : {};
        const w = st.step({ step: x.step, losses: x.losses, gram: st.needsGrads ? x.gram : null, ...vectors });
        st.emit('afterStep', WEIGHTINGS.find((w) => w.id === c.kind)!.lossesAfterStep ? { step: x.step, losses: x.after } : { step: x.step });
        st.emit('eval', { step: x.step, valLosses: x.val });
        if (x.step % 2 === 1) st.emit('epochEnd', { step: x.step, meanLosses: x.losses });
        return { ...w, direction: w.direction ? Array.from(w.direction) : null };
      });
    });
    const code = `
import json, sys, numpy as np, common as C
d = json.load(sys.stdin); out = []
for c in d['cases']:
    try:
        st = C.make_strategy({'tasks': [{'id': i} for i in d['ids']], 'seed': 11, 'weighting': c}, 0.05)
    except C.Refused:
        out.append(None)
        continue
    rows = []
    for x in d['steps']:
        extra = [np.array(x['g'])] if st.grad_vectors else []
        res = st.step(x['step'], x['losses'], np.array(x['gram']) if st.needs_grads else None, *extra)
        sh, tw = C.safe_coefficients(res[0], res[1])
        direction = [float(v) for v in res[2]] if len(res) > 2 and res[2] is not None else None
        if st.losses_after_step: st.emit('after_step', x['step'], losses=x['after'])
        else: st.emit('after_step', x['step'])
        st.emit('eval', x['step'], val_losses=x['val'])
        if x['step'] % 2 == 1: st.emit('epoch_end', x['step'], mean_losses=x['losses'])
        rows.append({'shared': sh, 'task': tw, 'direction': direction})
    out.append(rows)
print(json.dumps(out))`;
    const got = JSON.parse(execFileSync(PY, ['-c', code], { cwd: dir, encoding: 'utf8', input: JSON.stringify({ ids, steps, cases }) }));
    cases.forEach((c, i) => expect(got[i] !== null || !c.defaults, `${c.kind} with its defaults is refused`).toBe(true));
    cases.forEach((c, i) => {
      if (got[i] === null) return;
      expected[i].forEach((w, s) => {
        w.shared.forEach((v, t) => expect(got[i][s].shared[t], `${c.kind} ${JSON.stringify(c.params)} step ${s} shared[${t}]`).toBeCloseTo(v, 6));
        w.task.forEach((v, t) => expect(got[i][s].task[t], `${c.kind} step ${s} task[${t}]`).toBeCloseTo(v, 6));
        expect(got[i][s].direction === null, `${c.kind} step ${s}: a direction on one side only`).toBe(w.direction === null);
        w.direction?.forEach((v, k) => expect(got[i][s].direction[k], `${c.kind} step ${s} direction[${k}]`).toBeCloseTo(v, 6));
      });
    });
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(WEIGHTINGS.map((w) => w.id)));
  });

  it('the exported two-phase wrapper gives gradient-vector strategies the active tasks’ vectors and returns their direction', () => {
    const dir = writeProject(hardSharing());
    // As schedule.test.ts: GradDrop with leak 1 keeps every gradient, so the direction is the active tasks' sum.
    const code = `
import json, numpy as np, common as C
e = {'tasks': [{'id': i} for i in 'abc'], 'seed': 1, 'weighting': {'kind': 'graddrop', 'params': {'leak': 1}, 'weights': {}},
     'schedule': {'phase1Steps': 2, 'phase1Tasks': ['a', 'c'], 'freezeInPhase2': []}}
st = C.make_strategy(e, 0.01)
g = np.array([[1.0, 0], [-5, -5], [0, 2]])
r1, r2 = st.step(0, [1, 1, 1], g @ g.T, g), st.step(2, [1, 1, 1], g @ g.T, g)
print(json.dumps([st.grad_vectors, list(r1[2]), r1[1], list(r2[2])]))`;
    expect(JSON.parse(execFileSync(PY, ['-c', code], { cwd: dir, encoding: 'utf8' }))).toEqual([true, [1, 2], [1, 0, 1], [-4, -3]]);
  });

  it('python train.py --steps 20 --device cpu: every task’s loss falls', () => {
    const cfg = hardSharing();
    const dir = writeProject(cfg);
    const { status, out } = py(dir, ['train.py', '--steps', '20', '--device', 'cpu']);
    expect(status, out).toBe(0);
    const losses = trainLosses(out);
    for (const t of cfg.tasks) {
      const before = losses.get(0)!.get(t.id)!;
      const after = losses.get(20)!.get(t.id)!;
      console.log(`single process ${t.id}: train loss ${before.toFixed(4)} → ${after.toFixed(4)}`);
      expect(after).toBeLessThan(before);
    }
    expect(lines(out, 'final task=')).toHaveLength(cfg.tasks.length);
    expect(existsSync(join(dir, 'out', 'model.pt'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'metrics.csv'))).toBe(true);
  });

  it('every graph template: python train.py --steps 20 lowers every task’s loss', () => {
    const root = mkdtempSync(join(tmpdir(), 'mtl-templates-'));
    dirs.push(root);
    const ids = TEMPLATES.map((t) => t.id);
    for (const t of TEMPLATES) {
      const cfg = hardSharing();
      cfg.graph = t.build(cfg.tasks, 2);
      const dir = writeProject(cfg);
      rmSync(join(root, t.id), { recursive: true, force: true });
      execFileSync('cp', ['-r', dir, join(root, t.id)]);
    }
    // One Python process: each project's train.main in turn (startup dominates a 20-step run).
    const driver = `
import importlib.util, os, sys
for tid in ${JSON.stringify(ids)}:
    d = os.path.join(os.getcwd(), tid)
    spec = importlib.util.spec_from_file_location('train_' + tid, os.path.join(d, 'train.py'))
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    print('TEMPLATE', tid, flush=True)
    print('RC', tid, mod.main(['--steps', '20', '--device', 'cpu', '--out', os.path.join(d, 'out')]), flush=True)
`;
    writeFileSync(join(root, 'drive.py'), driver);
    const { status, out } = py(root, ['drive.py']);
    expect(status, out).toBe(0);
    const sections = out.split(/^TEMPLATE /m).slice(1);
    expect(sections.map((x) => x.split(/\s/)[0])).toEqual(ids);
    for (const sec of sections) {
      const tid = sec.split(/\s/)[0];
      expect(sec, sec).toContain(`RC ${tid} 0`);
      const losses = trainLosses(sec);
      const line = hardSharing().tasks.map((t) => {
        const [a, b] = [losses.get(0)!.get(t.id)!, losses.get(20)!.get(t.id)!];
        expect(b, `${tid} ${t.id}: ${a} → ${b}`).toBeLessThan(a);
        return `${t.id} ${a.toFixed(3)} → ${b.toFixed(3)}`;
      });
      console.log(`template ${tid}: ${line.join(', ')}`);
    }
  });

  it('dataset templates (MultiMNIST LeNet, token-sequence BiLSTM, Penguins): python train.py --steps 20 lowers every task’s loss', () => {
    const require = createRequire(import.meta.url);
    const digits = { byClass: Array.from({ length: 10 }, (_, c) => Float32Array.from((require(`mnist/src/digits/${c}.json`) as { data: number[] }).data)) };
    // vega-datasets exports only its JS entry: read the file by path (as vite.config.ts's alias does).
    const penguins = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/vega-datasets/data/penguins.json'), 'utf8'));
    const cases: [string, DatasetConfig, number][] = [
      ['multimnist', { kind: 'multimnist', nTrain: 256, nVal: 64 }, 0.01],
      ['sequences', { kind: 'sequences', nTrain: 256, nVal: 64, length: 12, vocab: 6 }, 0.01],
      ['penguins', { kind: 'penguins', inputs: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)'], targets: ['Species', 'Sex', 'Island'], valFraction: 0.25 }, 0.01],
    ];
    for (const [name, ds, lr] of cases) {
      const cfg: ExperimentConfig = defaultExperiment();
      cfg.dataset = ds;
      cfg.tasks = datasetTasks(ds);
      const tpl = datasetTemplate(ds, cfg.tasks);
      cfg.graph = tpl.graph;
      if (tpl.weighting) cfg.weighting = tpl.weighting;
      cfg.optimizer = { ...cfg.optimizer, kind: 'adam', learningRate: lr, batchSize: 32 };
      const dir = writeProject(cfg, undefined, { digits, penguins });
      const { status, out } = py(dir, ['train.py', '--steps', '20', '--device', 'cpu']);
      expect(status, `${name}: ${out}`).toBe(0);
      const losses = trainLosses(out);
      const line = cfg.tasks.map((t) => {
        const [a, b] = [losses.get(0)!.get(t.id)!, losses.get(20)!.get(t.id)!];
        expect(b, `${name} ${t.id}: ${a} → ${b}`).toBeLessThan(a);
        return `${t.id} ${a.toFixed(3)} → ${b.toFixed(3)}`;
      });
      console.log(`dataset ${name}: ${line.join(', ')}`);
    }
  });

  it('a warm-started experiment: train.py starts from warm_start.npz like the browser (copies matching nodes only, reports each)', () => {
    const cfg = hardSharing();
    cfg.warmStart = { runId: 'r-src', runName: 'source run', nodes: ['d1', 'd2', 'ghost'] };
    const d1w = Float32Array.from({ length: 32 }, (_, i) => (i - 16) / 10);
    const d1b = Float32Array.from({ length: 16 }, (_, i) => i / 100);
    const warm: NodeWeights[] = [
      { id: 'd1', kind: 'dense', tensors: [{ shape: [2, 16], values: d1w }, { shape: [16], values: d1b }] },
      { id: 'd2', kind: 'dense', tensors: [{ shape: [16, 8], values: new Float32Array(128) }, { shape: [8], values: new Float32Array(8) }] },
      { id: 'ghost', kind: 'dense', tensors: [{ shape: [1], values: new Float32Array(1) }] },
    ];
    const dir = writeProject(cfg, undefined, {}, warm);
    expect(existsSync(join(dir, 'warm_start.npz'))).toBe(true);
    // The copy itself, read back from the model right after warm_start().
    const code = `
import json, sys, numpy as np, torch
sys.argv = ['train.py']
import model as M, train
m = M.MtlModel()
before = M.browser_weights(m)
rep = train.warm_start(M, m, dict(np.load('warm_start.npz')))
after = M.browser_weights(m)
print(json.dumps({'report': rep, 'd1w': after['d1/0'].ravel().tolist(), 'd1b': after['d1/1'].ravel().tolist(), 'd2_same': bool(np.array_equal(before['d2/0'], after['d2/0']))}))`;
    const got = JSON.parse(execFileSync(PY, ['-c', code], { cwd: dir, encoding: 'utf8' }).trim().split('\n').at(-1)!);
    expect(got.report).toEqual([
      ['d1', 'copied', '[2, 16] [16]'],
      ['d2', 'mismatch', 'shape mismatch: expected [16, 16] [16] got [16, 8] [8]'],
      ['ghost', 'missing', 'not in this graph'],
    ]);
    expect(got.d1w).toEqual(Array.from(d1w));
    expect(got.d1b).toEqual(Array.from(d1b));
    expect(got.d2_same).toBe(true);
    // train.py prints the same report and trains on.
    const { status, out } = py(dir, ['train.py', '--steps', '5', '--device', 'cpu']);
    expect(status, out).toBe(0);
    expect(out).toContain('warm start node=d1 status=copied');
    expect(out).toContain('warm start node=d2 status=mismatch');
    const skip = py(dir, ['train.py', '--steps', '1', '--device', 'cpu', '--no-warm-start']);
    expect(skip.out).not.toContain('warm start node=');
  });

  it('torchrun --nproc_per_node=2 (gloo): both ranks finish, metrics print once', () => {
    const cfg = hardSharing();
    const dir = writeProject(cfg);
    let { status, out } = py(dir, [...TORCHRUN, 'train.py', '--steps', '10', '--device', 'cpu']);
    if (status !== 0) {
      // Seen once in CI under full-suite load: both ranks printed "finished", the launcher exited 1 with an empty
      // stderr (not reproduced in 12 loaded runs here). One retry; a real failure fails twice.
      console.warn(`torchrun exited ${status}; retrying once. Output was:\n${out}`);
      ({ status, out } = py(dir, [...TORCHRUN, 'train.py', '--steps', '10', '--device', 'cpu']));
    }
    expect(status, out).toBe(0);
    expect(out).toContain('rank 0 of 2 finished');
    expect(out).toContain('rank 1 of 2 finished');
    expect(lines(out, 'final task=')).toHaveLength(cfg.tasks.length);
    expect(lines(out, 'step=10 task=')).toHaveLength(cfg.tasks.length);
    const losses = trainLosses(out);
    for (const t of cfg.tasks) console.log(`torchrun ${t.id}: train loss ${losses.get(0)!.get(t.id)!.toFixed(4)} → ${losses.get(10)!.get(t.id)!.toFixed(4)}`);
  });

  it('every weighting strategy trains, on one process and under torchrun; unsupported settings are refused by name', () => {
    const cfg = hardSharing();
    const dir = writeProject(cfg);
    // One Python process per mode: rewrite experiment.json per strategy and call train.main in-process.
    const driver = `
import json, sys, math
import train
kinds = ${JSON.stringify(WEIGHTINGS.map((w) => w.id))}
base = json.load(open('experiment.json'))
for k in kinds:
    e = json.loads(json.dumps(base)); e['weighting'] = {'kind': k, 'params': {}, 'weights': {base['tasks'][0]['id']: 2}}
    json.dump(e, open('experiment.json', 'w'))
    rc = train.main(['--steps', '12', '--device', 'cpu', '--log-every', '12', '--out', 'out_' + k])
    print('STRATEGY', k, rc, flush=True)
e = json.loads(json.dumps(base)); e['weighting'] = {'kind': 'mgda', 'params': {'on': 'representation'}, 'weights': {}}
json.dump(e, open('experiment.json', 'w'))
print('STRATEGY mgda-representation', train.main(['--steps', '2', '--device', 'cpu']), flush=True)
e = json.loads(json.dumps(base)); e['weighting'] = {'kind': 'cagrad', 'params': {}, 'weights': {}}
e['schedule'] = {'phase1Steps': 5, 'phase1Tasks': [base['tasks'][0]['id']], 'freezeInPhase2': [base['graph']['nodes'][1]['id']]}
json.dump(e, open('experiment.json', 'w'))
print('STRATEGY schedule', train.main(['--steps', '10', '--device', 'cpu', '--log-every', '5']), flush=True)
`;
    writeFileSync(join(dir, 'drive.py'), driver);
    const single = py(dir, ['drive.py']);
    expect(single.status, single.out).toBe(0);
    for (const k of WEIGHTINGS.map((w) => w.id)) expect(single.out, single.out).toContain(`STRATEGY ${k} 0`);
    expect(single.out).toContain('STRATEGY mgda-representation 2');
    expect(single.out).toContain('STRATEGY schedule 0');
    // phase 1 (steps 0–4) trains only the first task: the others weigh 0
    expect(single.out).toMatch(new RegExp(`^step=5 task=${cfg.tasks[1].id} .*weight=0\\.0000`, 'm'));
    expect(single.out).toMatch(/"mgda" \(MGDA-UB\) on the shared representation is not exported/);
    expect(single.out).not.toMatch(/=nan/);

    // Under torchrun: the gradient strategies all-reduce per-task gradients themselves.
    writeFileSync(join(dir, 'experiment.json'), JSON.stringify({ ...cfg, weighting: { kind: 'pcgrad', params: {}, weights: {} } }));
    const dist = py(dir, [...TORCHRUN, 'train.py', '--steps', '6', '--device', 'cpu']);
    expect(dist.status, dist.out).toBe(0);
    expect(dist.out).toContain('rank 1 of 2 finished');
    expect(lines(dist.out, 'final task=')).toHaveLength(cfg.tasks.length);
  });

  it.each(['hard', 'crossstitch', 'mmoe'])('evaluate.py on a browser run’s weights (%s): metrics and readouts equal the browser’s (1e-4)', async (tid) => {
    const cfg = hardSharing();
    cfg.graph = TEMPLATES.find((t) => t.id === tid)!.build(cfg.tasks, 2);
    cfg.optimizer.steps = 30;
    // label budget and noise: the masked train losses must agree too
    cfg.tasks[0] = { ...cfg.tasks[0], labelBudget: 0.5, labelNoise: 0.2 };
    cfg.tasks[2] = { ...cfg.tasks[2], labelBudget: 0.7, labelNoise: 0.1 };
    const data = generateDataset(cfg);
    const trainer = createTrainer(cfg, data);
    const points = await runSteps(trainer, 30);
    const outs = await trainer.predict(data.xVal, data.nVal);
    const valPred = cfg.tasks.map((t, i) => readout(t, outs[i], data.nVal));
    const weights = await trainer.weights();
    trainer.dispose();
    const dir = writeProject(cfg, { runId: 'r', weights, valPred });
    const { status, out } = py(dir, ['evaluate.py']);
    expect(status, out).toBe(0);
    const last = points[points.length - 1];
    cfg.tasks.forEach((t, i) => {
      const m = out.match(new RegExp(`^task=${t.id} .*val_loss=(\\S+) (?:accuracy|RMSE)=(\\S+)`, 'm'))!;
      expect(Number(m[1])).toBeCloseTo(last.tasks[i].valLoss, 4);
      expect(Number(m[2])).toBeCloseTo(last.tasks[i].metric, 4);
      const d = Number(out.match(new RegExp(`^parity task=${t.id} max_abs_diff=(\\S+)`, 'm'))![1]);
      console.log(`parity ${tid} ${t.id}: max |torch − browser| = ${d}`);
      expect(d).toBeLessThan(1e-4);
    });
    // train.py from the browser's weights, 0 steps: its masked train loss (first 1024 rows) and val loss are the browser's last ones
    const t0 = py(dir, ['train.py', '--init', 'weights.npz', '--steps', '0', '--device', 'cpu']);
    expect(t0.status, t0.out).toBe(0);
    cfg.tasks.forEach((t, i) => {
      const m = t0.out.match(new RegExp(`^step=0 task=${t.id} train_loss=(\\S+) val_loss=(\\S+)`, 'm'))!;
      expect(Number(m[1]), `${tid} ${t.id} train loss`).toBeCloseTo(last.tasks[i].trainLoss, 4);
      expect(Number(m[2]), `${tid} ${t.id} val loss`).toBeCloseTo(last.tasks[i].valLoss, 4);
    });
  });
});
