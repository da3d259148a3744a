// Soak: (1) the page heap after a forced GC across 20 consecutive runs of the default experiment (JS engine) and 20 on
// WASM, in the built app in Chromium, then after deleting every run (what is left is not the runs'), with the stored
// size of one run (record JSON, weights floats, series chunks); (2) with --long=SECONDS, the page heap every 30 s over
// one long run; (3) tfjs tensors held over 5,000 steps on tfjs CPU and WASM in Node (the app's trainer).
// Usage: npx vite build && node src/bench/soak.mjs [runs=20] [--long=600] [--no-tensors] [--help]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { startPreview } from './preview.mjs';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log('node src/bench/soak.mjs [runs=20] [--long=SECONDS] [--no-tensors]   (after npx vite build)');
  process.exit(0);
}
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const LONG_S = Number(args.find((a) => a.startsWith('--long='))?.slice(7) ?? 0);
const root = resolve(import.meta.dirname, '../..');

const mbOf = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100;

/** Stored size of the runs in the page's database: mean record JSON, weights floats and series points per run. */
function storedSizes(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('mtl-playground');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store) =>
      new Promise((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result);
      });
    const runs = await all('runs');
    const weights = await all('weights');
    const series = await all('series');
    const floats = weights.reduce((a, w) => a + w.weights.reduce((b, n) => b + n.tensors.reduce((c, t) => c + t.values.length, 0), 0) + (w.valPred ?? []).reduce((b, p) => b + p.length, 0), 0);
    const out = {
      runs: runs.length,
      recordJsonKB: Math.round(runs.reduce((a, r) => a + JSON.stringify(r).length, 0) / runs.length / 102.4) / 10,
      pointsPerRecord: Math.round(runs.reduce((a, r) => a + r.points.length, 0) / runs.length),
      weightFloatsPerRun: Math.round(floats / Math.max(1, weights.length)),
      seriesPointsPerRun: Math.round(series.reduce((a, c) => a + c.points.length, 0) / runs.length),
    };
    db.close();
    return out;
  });
}

async function withPage(fn) {
  const { url: base, stop } = await startPreview();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.getByTestId('node-in').waitFor();
    const heap = () => page.evaluate(() => (globalThis.gc?.(), globalThis.gc?.(), performance.memory.usedJSHeapSize));
    return await fn(page, heap);
  } finally {
    await browser.close();
    stop();
  }
}

async function deleteAllRuns(page) {
  for (;;) {
    const del = page.locator('[data-testid^="run-delete-"]').first();
    if ((await del.count()) === 0) return;
    await del.click();
  }
}

async function pageHeap() {
  return withPage(async (page, heap) => {
    const rows = [];
    const start = await heap();
    let sizes = null;
    for (const backend of ['auto', 'wasm']) {
      await page.getByTestId('backend').selectOption(backend);
      await page.getByTestId('steps').fill('2000');
      await page.getByTestId('steps').press('Enter');
      const mb = [];
      for (let r = 0; r < RUNS; r++) {
        await page.getByTestId('train').click();
        await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
        await page.waitForTimeout(300);
        mb.push(mbOf(await heap()));
      }
      rows.push({ backend, runs: RUNS, firstMB: mb[0], lastMB: mb[mb.length - 1], maxMB: Math.max(...mb), perRunMB: Math.round(((mb[mb.length - 1] - mb[0]) / (RUNS - 1)) * 1000) / 1000, growthPct: Math.round(((mb[mb.length - 1] - mb[0]) / mb[0]) * 1000) / 10 });
    }
    await page.waitForTimeout(1000);
    sizes = await storedSizes(page);
    const withRuns = await heap();
    await deleteAllRuns(page);
    // The last deletion's Undo holds that one run until its banner goes.
    await page.getByTestId('reset').click().catch(() => undefined);
    await page.waitForTimeout(11_000);
    const after = await heap();
    return { rows, sizes, heapMB: { atStart: mbOf(start), with2xRuns: mbOf(withRuns), afterDeletingAll: mbOf(after) } };
  });
}

/** One run of `seconds` (tfjs WASM, 10⁶ steps, so that it outlasts them), the page heap after GC every 30 s. */
async function longRun(seconds) {
  return withPage(async (page, heap) => {
    await page.getByTestId('backend').selectOption('wasm');
    await page.getByTestId('steps').fill('1000000');
    await page.getByTestId('steps').press('Enter');
    await page.getByTestId('train').click();
    await page.locator('[data-testid="run-status"][data-status="running"]').waitFor({ timeout: 60_000 });
    const samples = [];
    const t0 = Date.now();
    while (Date.now() - t0 < seconds * 1000) {
      await page.waitForTimeout(Math.min(30_000, seconds * 1000 - (Date.now() - t0)));
      const step = Number((await page.getByTestId('run-status').textContent()).match(/step ([\d,]+)/)?.[1]?.replace(/,/g, '') ?? 0);
      const status = await page.getByTestId('run-status').getAttribute('data-status');
      samples.push({ s: Math.round((Date.now() - t0) / 1000), status, step, heapMB: mbOf(await heap()) });
    }
    if (await page.getByTestId('stop').isEnabled()) await page.getByTestId('stop').click();
    return samples;
  });
}

globalThis.require ??= createRequire(import.meta.url);
if (RUNS > 0) {
  const { rows, sizes, heapMB } = await pageHeap();
  console.log('Page heap after GC, per run of 2,000 steps (built app, Chromium):');
  console.table(rows);
  console.log('Stored per run:', sizes);
  console.log('Page heap, MB:', heapMB);
}
if (LONG_S > 0) {
  const samples = await longRun(LONG_S);
  console.log(`Page heap after GC during one ${LONG_S} s run (tfjs WASM):`);
  console.table(samples);
  const hs = samples.map((s) => s.heapMB);
  const first = hs[Math.min(1, hs.length - 1)];
  console.log(`from the 60 s sample on: ${first} → ${hs[hs.length - 1]} MB, max ${Math.max(...hs)} MB (${Math.round(((hs[hs.length - 1] - first) / first) * 1000) / 10} %)`);
}
if (!args.includes('--no-tensors')) {
  const server = await createServer({ root, logLevel: 'error', appType: 'custom', ssr: { noExternal: ['@tensorflow/tfjs-core'] }, server: { middlewareMode: true, hmr: false, watch: null } });
  try {
    const { tensorSoak } = await server.ssrLoadModule('/src/bench/soak.ts');
    console.log('tfjs tensors held (relative to before the trainer), every 1,000 steps, then after dispose:');
    console.table((await tensorSoak()).map((r) => ({ ...r, counts: r.counts.join(' → ') })));
  } finally {
    await server.close();
  }
}
