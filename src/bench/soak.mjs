// Soak: (1) the page heap after a forced GC across 20 consecutive runs of the default experiment (JS engine) and 20 on
// WASM, in the built app in Chromium; (2) tfjs tensors held over 5,000 steps on tfjs CPU and WASM in Node (the app's
// trainer). Prints both. Usage: npx vite build && node src/bench/soak.mjs [runs=20]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { startPreview } from './preview.mjs';

const RUNS = Number(process.argv[2] ?? 20);
const root = resolve(import.meta.dirname, '../..');

async function pageHeap() {
  const { url: base, stop } = await startPreview();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const rows = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.getByTestId('node-in').waitFor();
    const heap = () => page.evaluate(() => (globalThis.gc?.(), Math.round(performance.memory.usedJSHeapSize / 2 ** 20 * 10) / 10));
    for (const backend of ['auto', 'wasm']) {
      await page.getByTestId('backend').selectOption(backend);
      await page.getByTestId('steps').fill('2000');
      await page.getByTestId('steps').press('Enter');
      const mb = [];
      for (let r = 0; r < RUNS; r++) {
        await page.getByTestId('train').click();
        await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
        await page.waitForTimeout(300);
        mb.push(await heap());
      }
      rows.push({ backend, runs: RUNS, firstMB: mb[0], lastMB: mb[mb.length - 1], maxMB: Math.max(...mb), growthPct: Math.round(((mb[mb.length - 1] - mb[0]) / mb[0]) * 1000) / 10 });
    }
  } finally {
    await browser.close();
    stop();
  }
  return rows;
}

globalThis.require ??= createRequire(import.meta.url);
console.log('Page heap after GC, per run of 2,000 steps (built app, Chromium):');
console.table(await pageHeap());
const server = await createServer({ root, logLevel: 'error', appType: 'custom', ssr: { noExternal: ['@tensorflow/tfjs-core'] }, server: { middlewareMode: true, hmr: false, watch: null } });
try {
  const { tensorSoak } = await server.ssrLoadModule('/src/bench/soak.ts');
  console.log('tfjs tensors held (relative to before the trainer), every 1,000 steps, then after dispose:');
  console.table((await tensorSoak()).map((r) => ({ ...r, counts: r.counts.join(' → ') })));
} finally {
  await server.close();
}
