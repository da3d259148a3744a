// Benchmark driver: serves the built dist/ with `vite preview`, runs each workload (workloads.ts: one
// `mtl2d-<template>` per graph template, `mlp784`, `lenet`) on Auto and each explicit backend in headless Chromium
// (the app's real training worker), prints a table and writes bench-results/bench.json. With --torch
// (`npm run bench:torch`) the same models, exported by the app's PyTorch exporter, are timed in PyTorch on one
// thread right after each workload's app cells (torch.mjs), and each row gets the ratio app/PyTorch.
// Then the loss-weighting strategies, and (smoothness.mjs) how smooth the real app page stays while it trains.
// Always stops the preview server it started.
// Usage: npx vite build && node src/bench/run-bench.mjs [--torch] [--workloads=mtl2d,lenet (ids or prefixes)]
//        [--backends=auto,js,wasm,cpu] [--smoke-backends=webgl] [--smoke-workloads=mtl2d-hard] [--measure-ms=3000]
//        [--batch=32 (every workload at this batch)] [--skip-strategies] [--skip-smoothness] [--smoothness-backends=js,wasm] [--dist=DIR (a build other than dist/)]
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startPreview } from './preview.mjs';
import { measureSmoothness } from './smoothness.mjs';
import { fmt, printSmoothness, printStrategies, printWorkloads, rate } from './tables.mjs';
import { startTorch } from './torch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]?.split(',');
// Auto plus every CPU path on every workload; SwiftShader's WebGL/WebGPU are too slow for more than a smoke cell.
const BACKENDS = arg('backends') ?? ['auto', 'js', 'wasm', 'cpu'];
const SMOKE_BACKENDS = arg('smoke-backends') ?? ['webgl'];
const DIST = arg('dist')?.join(',');
const TORCH = process.argv.includes('--torch');
const SKIP_SMOOTHNESS = process.argv.includes('--skip-smoothness');
const SKIP_STRATEGIES = process.argv.includes('--skip-strategies');
const STRATEGY_BACKENDS = arg('strategy-backends') ?? ['js', 'wasm'];
const STRATEGY_WORKLOAD = 'mtl2d-hard';
const STRATEGY_MEASURE_MS = 1500;
// App-page smoothness: js and wasm always, plus whatever --backends asked for.
const SMOOTH_BACKENDS = arg('smoothness-backends') ?? [...new Set(['js', 'wasm', ...(arg('backends') ?? []).filter((b) => b !== 'auto')])];
const SMOOTH_MEASURE_MS = 6000;

// Step caps far above what a cell reaches: MEASURE_MS (after warm-up) ends a cell, CAP_MS bounds SwiftShader's
// long shader compilation and anything slower than expected (tfjs cpu on the LeNet: seconds per step).
const STEPS = 10_000_000;
const MEASURE_MS = Number(arg('measure-ms')?.[0] ?? 3000);
// --batch=32: every workload (app and PyTorch) at this batch instead of its own (e.g. the LeNet at 32 as well as 256).
const BATCH = arg('batch') ? Number(arg('batch')[0]) : undefined;
const CAP_MS = 15_000;
const SMOKE_CAP_MS = 45_000;
/** PyTorch's measuring window per workload, s (after 5 warm-up steps). */
const TORCH_SECONDS = 3;

let preview = null;
const stopServer = () => preview?.stop();
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (stopServer(), process.exit(130)));

/** The workloads to run: every id of the bench page's registry, or those --workloads names (an id or a prefix: mtl2d). */
function pickWorkloads(ids) {
  const want = arg('workloads');
  if (!want) return ids;
  const picked = ids.filter((id) => want.some((w) => id === w || id.startsWith(`${w}-`)));
  if (!picked.length) throw new Error(`--workloads=${want.join(',')} matches none of ${ids.join(', ')}`);
  return picked;
}

/** One app cell in a fresh page: the worker's steady-state steps/s (or why there is none). */
async function appCell(browser, url, workload, backend, smoke) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  const spec = { workload, backend, batch: BATCH, steps: STEPS, measureMs: MEASURE_MS, capMs: smoke ? SMOKE_CAP_MS : CAP_MS };
  const t0 = Date.now();
  const r = await page.evaluate((s) => window.runBench(s), spec);
  r.wallMs = Date.now() - t0;
  if (smoke) r.smoke = true;
  if (errors.length) r.consoleErrors = errors.slice(0, 5);
  await page.close();
  const what = r.unsupported ? `not supported (ran on ${r.backend})` : `${rate(r.stepsPerSec).padStart(8)} steps/s  (${r.steps} steps, warm-up ${fmt(r.warmupMs)} ms${r.cut ? ', cut by time' : ''})`;
  console.log(`${workload.padEnd(18)} ${backend.padEnd(6)} → ${String(r.backend).padEnd(6)} ${what}${r.error && !r.unsupported ? '  ERROR: ' + r.error : ''}`);
  return r;
}

/** The PyTorch cell of a workload, or null without torch; logs one line. */
async function torchCell(torch, workload) {
  if (!torch) return null;
  const t = { workload, ...(await torch.measure(workload, TORCH_SECONDS, BATCH)) };
  console.log(`${workload.padEnd(18)} PyTorch (1 thread)  ${t.error ? 'ERROR: ' + t.error : `${rate(t.stepsPerSec).padStart(8)} steps/s  (${t.steps} steps)`}`);
  return t;
}

/** Every workload's app cells, each followed at once by its PyTorch cell; the ratio goes into each app result. */
async function benchWorkloads(browser, url, workloads, torch) {
  const results = [];
  const torchResults = [];
  const smokeOn = arg('smoke-workloads') ?? [workloads[0]];
  for (const workload of workloads) {
    const smoke = smokeOn.includes(workload) ? SMOKE_BACKENDS.filter((b) => !BACKENDS.includes(b)) : [];
    const mine = [];
    for (const backend of [...BACKENDS, ...smoke]) mine.push(await appCell(browser, url, workload, backend, smoke.includes(backend)));
    const t = await torchCell(torch, workload);
    if (t) {
      torchResults.push(t);
      for (const r of mine)
        if (t.stepsPerSec && !r.error) {
          r.torchStepsPerSec = +t.stepsPerSec.toFixed(2);
          r.ratio = +(r.stepsPerSec / t.stepsPerSec).toFixed(3);
        }
    }
    results.push(...mine);
  }
  return { results, torchResults };
}

/**
 * Step cost of every loss-weighting strategy on the default 3-task workload, relative to equal
 * weighting on the same engine (gradient strategies need one backward pass per task).
 */
async function benchStrategies(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  const ids = await page.evaluate(() => window.weightingIds);
  const engines = STRATEGY_BACKENDS;
  const out = [];
  console.log(`\nLoss-weighting strategies on ${STRATEGY_WORKLOAD} (${engines.join(', ')}; ${STRATEGY_MEASURE_MS / 1000} s each)…`);
  for (const weighting of ids) {
    const row = { weighting };
    for (const backend of engines) {
      const spec = { workload: STRATEGY_WORKLOAD, backend, weighting, steps: STEPS, measureMs: STRATEGY_MEASURE_MS, capMs: CAP_MS };
      const r = await page.evaluate((s) => window.runBench(s), spec);
      row[backend] = r.error ? null : r.stepsPerSec;
      if (r.error) row[`${backend}Error`] = r.error;
    }
    out.push(row);
    console.log(`  ${weighting.padEnd(12)} ${engines.map((b) => `${b} ${fmt(row[b], 0)}`).join('  ')}`);
  }
  await page.close();
  printStrategies(out, engines);
  return out;
}

/** How smooth the app page stays while it trains, per backend. */
function benchSmoothness(browser, base) {
  console.log(`\nSmoothness of the app page while training (${SMOOTH_MEASURE_MS / 1000} s per backend)…`);
  return measureSmoothness(browser, base, {
    backends: SMOOTH_BACKENDS,
    measureMs: SMOOTH_MEASURE_MS,
    log: (r) =>
      console.log(
        `app     ${r.requested.padEnd(7)} → ${String(r.backend ?? '?').padEnd(7)} ${fmt(r.fps, 1).padStart(5)} fps` +
          `  frame p95 ${fmt(r.frameP95, 1)} ms  long tasks ${fmt(r.longTaskMsPerSec)} ms/s  ${fmt(r.stepsPerSecShown)} steps/s` +
          `${r.error ? '  ERROR: ' + r.error : ''}`,
      ),
  });
}

/** PyTorch for --torch, or null (with the reason printed) when it cannot run here. */
async function openTorch() {
  if (!TORCH) return { torch: null, torchInfo: null };
  const t = await startTorch(root);
  if (t.skip) {
    console.log(`PyTorch bench skipped: ${t.skip}`);
    return { torch: null, torchInfo: { skipped: t.skip } };
  }
  console.log(`PyTorch ${t.info.torch} on ${t.info.threads} thread (OPENBLAS_NUM_THREADS=1; OPENBLAS_CORETYPE/L2_SIZE unset)`);
  return { torch: t, torchInfo: t.info };
}

async function main() {
  const t0 = Date.now();
  preview = await startPreview({ dist: DIST && resolve(DIST), path: '/src/bench/index.html' });
  const { url } = preview;
  const base = new URL(url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const { torch, torchInfo } = await openTorch();
  let run = { results: [], torchResults: [] };
  let workloads = [];
  let smoothness = null;
  let strategies = null;
  try {
    const page = await browser.newPage();
    await page.goto(url);
    workloads = pickWorkloads(await page.evaluate(() => window.workloadIds));
    await page.close();
    run = await benchWorkloads(browser, url, workloads, torch);
    if (!SKIP_STRATEGIES) strategies = await benchStrategies(browser, url);
    if (!SKIP_SMOOTHNESS) smoothness = await benchSmoothness(browser, base);
  } finally {
    await browser.close();
    await torch?.close();
    stopServer();
  }

  const version = browser.version();
  const backends = [...BACKENDS, ...SMOKE_BACKENDS.filter((b) => !BACKENDS.includes(b))];
  console.log(`\nChromium ${version}, ${cpus().length} cores. Steady-state training steps/s (examples/s = steps/s × batch)\n`);
  printWorkloads(workloads, backends, run.results, torch ? run.torchResults : null);
  if (smoothness) printSmoothness(smoothness);

  await mkdir(resolve(root, 'bench-results'), { recursive: true });
  const out = { date: new Date().toISOString(), chromium: version, cores: cpus().length, wallSeconds: Math.round((Date.now() - t0) / 1000), results: run.results };
  if (torchInfo) out.torch = { ...torchInfo, results: run.torchResults };
  if (smoothness) out.smoothness = smoothness;
  if (strategies) out.strategies = strategies;
  await writeFile(resolve(root, 'bench-results/bench.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote bench-results/bench.json (${out.wallSeconds} s in all)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    stopServer();
    process.exit(1);
  },
);
