// Wall time of the one-click showcase study "Does sharing help?" (6 relatedness values × 3 arms × 5 seeds + the
// same-seed baselines: 180 trainings) in the built app in Chromium, from the click to the last result, and hard
// sharing's Δm% per relatedness. Needs a build (npx vite build).   node src/bench/showcase.mjs [repeats = 1]
import { chromium } from 'playwright-core';
import { startPreview } from './preview.mjs';

const REPEATS = Number(process.argv[2] ?? 1);
const preview = await startPreview();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (let k = 0; k < REPEATS; k++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(preview.url);
    await page.getByTestId('study-showcase').waitFor();
    const t0 = Date.now();
    await page.getByTestId('study-showcase').click();
    await page.getByTestId('study-progress').waitFor();
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.getByTestId('study-progress').waitFor({ state: 'detached', timeout: 300_000 });
    const wall = (Date.now() - t0) / 1000;
    const hard = [];
    for (let v = 0; v < 6; v++) hard.push(Number(await page.getByTestId(`study-cell-0-${v}`).getAttribute('data-mean')).toFixed(1));
    console.log(`showcase: ${wall.toFixed(1)} s wall for 180 trainings (hardwareConcurrency ${workers}); hard sharing Δm% at relatedness 0…1: ${hard.join(', ')}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  preview.stop();
}
