// MultiMNIST accuracy in the real app: the LeNet hard-sharing template trained in the browser for
// STEPS steps on BACKEND (default webgl; tfjs's WASM backend has no convolution gradients), then the
// final validation accuracy of each task is read from the page. Usage (after `vite build`):
//   node src/bench/multimnist.mjs [steps] [backend] [nTrain]
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const STEPS = Number(process.argv[2] ?? 1000);
const BACKEND = process.argv[3] ?? 'webgl';
const N_TRAIN = Number(process.argv[4] ?? 8000);
const PORT = 4391;
const outDir = process.env.OUT_DIR ?? 'dist';

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', outDir], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}/`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  if (i > 100) throw new Error('preview did not start');
  await new Promise((r) => setTimeout(r, 300));
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-webgpu'] });
try {
  const page = await browser.newPage();
  await page.goto(base);
  await page.getByTestId('dataset-kind').selectOption('multimnist');
  const set = async (id, v) => {
    const el = page.getByTestId(id);
    await el.fill(String(v));
    await el.press('Enter');
  };
  await set('n-train', N_TRAIN);
  await page.getByTestId('backend').selectOption(BACKEND);
  await set('steps', STEPS);
  await set('eval-every', Math.max(10, Math.round(STEPS / 20)));
  const t0 = Date.now();
  await page.getByTestId('train').click();
  await page.getByTestId('run-status').and(page.locator('[data-status="done"]')).waitFor({ timeout: 6 * 3600_000 });
  const secs = (Date.now() - t0) / 1000;
  const acc = {};
  for (const t of ['left', 'right']) acc[t] = Number(await page.getByTestId(`summary-${t}`).getAttribute('data-last-metric'));
  const batch = await page.getByTestId('batch').inputValue().catch(() => '?');
  console.log(JSON.stringify({ steps: STEPS, backend: BACKEND, nTrain: N_TRAIN, batch, seconds: Math.round(secs), stepsPerSec: +(STEPS / secs).toFixed(2), valAccuracy: acc }));
} finally {
  await browser.close();
  server.kill();
}
