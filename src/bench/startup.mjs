// Start-up with many stored runs: seeds IndexedDB with N finished runs (each with MAX points per curve), reloads
// the built app and reports the time to the first run rows, the long tasks (> 50 ms) until the list is complete,
// and the page heap. Usage: vite build && node src/bench/startup.mjs [runs=300] [points=2000]
import { chromium } from 'playwright-core';
import { startPreview } from './preview.mjs';

const N = Number(process.argv[2] ?? 300);
const P = Number(process.argv[3] ?? 2000);
const { url: base, stop } = await startPreview();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  await page.getByTestId('node-in').waitFor();
  // One real run gives a valid record to copy.
  await page.getByTestId('steps').fill('40');
  await page.getByTestId('steps').press('Enter');
  await page.getByTestId('train').click();
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(800);
  await page.evaluate(
    async ({ N, P }) => {
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open('mtl-playground');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const all = await new Promise((res) => {
        const r = db.transaction('runs').objectStore('runs').getAll();
        r.onsuccess = () => res(r.result);
      });
      const seed = all[0];
      const pt = seed.points[seed.points.length - 1];
      const points = Array.from({ length: P }, (_, k) => ({ ...pt, step: k }));
      await new Promise((res) => {
        const tx = db.transaction('runs', 'readwrite');
        for (let i = 0; i < N; i++) tx.objectStore('runs').put({ ...seed, id: `seeded-${i}`, name: `Seeded ${i}`, createdAt: seed.createdAt - i - 1, points });
        tx.oncomplete = res;
      });
      db.close();
    },
    { N, P },
  );
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const t0 = Date.now();
  await page.reload();
  await page.locator('[data-testid^="run-row-"]').first().waitFor({ timeout: 120_000 });
  const firstRowMs = Date.now() - t0;
  // All loaded: the "show more" button counts every older run (the table draws the newest 40).
  if (N + 1 > 40) await page.waitForFunction((older) => document.querySelector('[data-testid="runs-show-more"]')?.textContent?.includes(`of ${older} older`), N + 1 - 40, { timeout: 120_000 }).catch(() => {});
  const allRowsMs = Date.now() - t0;
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => {
    globalThis.gc?.();
    return { long: window.__long, heap: performance.memory?.usedJSHeapSize ?? null, rows: document.querySelectorAll('[data-testid^="run-row-"]').length, more: document.querySelector('[data-testid="runs-show-more"]')?.textContent };
  });
  const longest = Math.max(0, ...r.long);
  console.log(JSON.stringify({ runs: N, pointsPerRun: P, firstRowMs, allRowsMs, rowsShown: r.rows, more: r.more, longTasks: r.long.length, longestTaskMs: Math.round(longest), longTaskMs: Math.round(r.long.reduce((a, b) => a + b, 0)), heapMB: r.heap && Math.round(r.heap / 2 ** 20) }));
} finally {
  await browser.close();
  stop();
}
