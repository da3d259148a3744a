// MultiMNIST for real: the default MultiMNIST experiment (Sener & Koltun's recipe as the app sets it when MultiMNIST
// is picked: 20,000 pairs, 10 epochs at batch 256, Adam 1e-3, LeNet hard sharing) trained in the real app page
// in headless Chromium, from the Train click to 'done', on BACKEND (default auto); then the same experiment as
// the app's own exported PyTorch project (train.py, the very same pairs) on one thread. Prints wall times and the
// final validation accuracy of each task. Usage (after `vite build`):
//   node src/bench/multimnist.mjs [backend=auto] [--skip-torch] [--skip-app] [--dist=DIR] [--steps=N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { startPreview } from './preview.mjs';
import { torchEnv, torchMissing } from './torch.mjs';

const root = resolve(import.meta.dirname, '../..');
const BACKEND = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'auto';
const DIST = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? 'dist';
const TASKS = ['left', 'right'];
/** --steps=N shortens the app run (a quick check of the script; the figures need the recipe's own 780). */
const STEPS = process.argv.find((a) => a.startsWith('--steps='))?.slice('--steps='.length);

/** /proc/<pid>/stat-style line → [comm, ppid, user + system clock ticks]. */
function parseStat(stat) {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), Number(f[1]), Number(f[11]) + Number(f[12])];
}

/**
 * CPU seconds (user + system) used so far by the descendants of process `pid` (not by itself), and by their
 * dedicated-worker threads alone (Chromium names them "DedicatedWorker"; the training runs in one), from /proc
 * (Linux; ticks of 1/100 s). On a shared machine the wall time depends on the load; CPU time much less, and
 * the worker's CPU time is what the run would take on an idle core.
 */
function treeCpuSeconds(pid) {
  const procs = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const [, ppid, ticks] = parseStat(readFileSync(`/proc/${d}/stat`, 'utf8'));
      procs.push({ pid: Number(d), ppid, ticks });
    } catch {
      /* gone meanwhile */
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
  }
  tree.delete(pid);
  const mine = procs.filter((p) => tree.has(p.pid));
  const workers = new Map();
  for (const p of mine) {
    try {
      for (const t of readdirSync(`/proc/${p.pid}/task`)) {
        const [comm, , ticks] = parseStat(readFileSync(`/proc/${p.pid}/task/${t}/stat`, 'utf8'));
        if (comm.startsWith('DedicatedWorker')) workers.set(`${p.pid}/${t}`, ticks / 100);
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return { all: mine.reduce((a, p) => a + p.ticks, 0) / 100, workers };
}

/**
 * Start measuring the CPU time of this script's child processes; stop() → CPU seconds of all of them, and of the
 * busiest worker thread. Samples every 250 ms, since the app ends its training worker (and its thread) when done.
 */
function cpuMeter() {
  const first = treeCpuSeconds(process.pid);
  const seen = new Map(first.workers);
  const sample = () => {
    const now = treeCpuSeconds(process.pid);
    for (const [k, v] of now.workers) seen.set(k, v);
    return now;
  };
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      const last = sample();
      const worker = Math.max(0, ...[...seen].map(([k, v]) => v - (first.workers.get(k) ?? 0)));
      return { cpuSeconds: +(last.all - first.all).toFixed(1), workerCpuSeconds: +worker.toFixed(1) };
    },
  };
}

/** The app: pick MultiMNIST (its defaults), choose the backend, Train, wait for 'done'; wall time and accuracies. */
async function appRun() {
  const { url: base, stop } = await startPreview({ dist: DIST });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-webgpu'] }).catch((e) => {
    stop();
    throw e;
  });
  try {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByTestId('dataset-kind').selectOption('multimnist');
    await page.getByTestId('preview-digits').waitFor({ timeout: 60_000 });
    await page.getByTestId('backend').selectOption(BACKEND);
    if (STEPS) {
      await page.getByTestId('steps').fill(STEPS);
      await page.getByTestId('steps').press('Enter');
    }
    const field = (id) => page.getByTestId(id).inputValue();
    const recipe = { nTrain: await field('n-train'), nVal: await field('n-val'), steps: await field('steps'), batch: await field('batch').catch(() => '?'), lr: await field('lr').catch(() => '?') };
    // Chromium's processes are this script's children (with the preview server, which idles meanwhile).
    const meter = cpuMeter();
    const t0 = Date.now();
    await page.getByTestId('train').click();
    await page.getByTestId('run-status').and(page.locator('[data-status="done"]')).waitFor({ timeout: 1800_000 });
    const seconds = (Date.now() - t0) / 1000;
    const cpu = meter.stop();
    const acc = {};
    for (const t of TASKS) acc[t] = Number(await page.getByTestId(`summary-${t}`).getAttribute('data-last-metric'));
    const backend = await page.getByTestId('active-backend').textContent().catch(() => '?');
    return { side: 'app', requested: BACKEND, backend, ...recipe, seconds: +seconds.toFixed(1), ...cpu, valAccuracy: acc };
  } finally {
    await browser.close();
    stop();
  }
}

/** PyTorch: the exported project's train.py on one thread, in a temp folder; wall time and final accuracies. */
async function torchRun() {
  const missing = torchMissing();
  if (missing) return { side: 'PyTorch', skipped: missing };
  const dir = mkdtempSync(join(tmpdir(), 'mtl-multimnist-'));
  const vite = await createServer({ root, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, watch: null } });
  try {
    const { writeReferenceProject } = await vite.ssrLoadModule('/src/bench/multimnistRef.ts');
    const cfg = writeReferenceProject(dir);
    const code =
      "import atexit, runpy, sys, time, torch; torch.set_num_threads(1); atexit.register(lambda: print(f'cpu_seconds={time.process_time():.2f}'));" +
      " sys.argv = ['train.py', '--device', 'cpu']; runpy.run_path('train.py', run_name='__main__')";
    const t0 = Date.now();
    const out = await new Promise((res, rej) => {
      const p = spawn('/usr/bin/python3', ['-c', code], { cwd: dir, env: torchEnv() });
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.stderr.on('data', (d) => (text += d));
      p.on('exit', (c) => (c === 0 ? res(text) : rej(new Error(`train.py failed:\n${text.slice(-2000)}`))));
    });
    const seconds = (Date.now() - t0) / 1000;
    const acc = {};
    for (const t of TASKS) acc[t] = Number(new RegExp(`^final task=${t} .* accuracy=([0-9.]+)`, 'm').exec(out)?.[1]);
    const o = cfg.optimizer;
    const cpuSeconds = Number(/^cpu_seconds=([0-9.]+)/m.exec(out)?.[1]);
    return { side: 'PyTorch', nTrain: cfg.dataset.nTrain, nVal: cfg.dataset.nVal, steps: o.steps, batch: o.batchSize, lr: o.learningRate, seconds: +seconds.toFixed(1), cpuSeconds, valAccuracy: acc };
  } finally {
    await vite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
if (!process.argv.includes('--skip-app')) rows.push(await appRun());
if (!process.argv.includes('--skip-torch')) rows.push(await torchRun());
for (const r of rows) console.log(JSON.stringify(r));
console.table(rows.map((r) => ({ side: r.side, backend: r.backend ?? '', pairs: r.nTrain, steps: r.steps, batch: r.batch, seconds: r.seconds, 'CPU s': r.cpuSeconds, 'worker CPU s': r.workerCpuSeconds ?? '', left: r.valAccuracy?.left, right: r.valAccuracy?.right, note: r.skipped ?? '' })));
