import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, setNumber, TASKS } from './helpers';

test('decision boundaries redraw during training; confusion matrices and predicted-vs-true appear at the end', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 60000);
  await setNumber(page, 'eval-every', 50);
  await page.getByTestId('train').click();
  const side = page.getByTestId('boundary-side');
  await expect(side).toHaveAttribute('data-step', /^\d+$/, { timeout: 30_000 });
  const first = Number(await side.getAttribute('data-step'));
  // The heatmap is redrawn at a later step while the run goes on.
  await expect.poll(async () => Number(await side.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(first);
  for (const t of TASKS) await expect(page.getByTestId(`boundary-${t}`)).toHaveAttribute('data-step', /^\d+$/);
  await expect(page.getByTestId('time-left')).toContainText(/\d+ (s|min) /);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(side).toHaveAttribute('data-step', '60000');

  const rows = Number(await page.getByTestId('insight').getAttribute('data-val-rows'));
  expect(rows).toBeGreaterThan(0);
  for (const [t, C] of [['side', 2], ['zone', 3]] as const) {
    const cells = page.getByTestId(`confusion-${t}`).getByTestId('cm-cell');
    await expect(cells).toHaveCount(C * C);
    const counts = await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0), t).toBe(rows);
  }
  // FGSM robustness of the finished model: one curve (this run) per task.
  for (const t of TASKS) await expect(page.getByTestId(`robustness-${t}`)).toHaveAttribute('data-runs', '1');
  const reg = page.getByTestId('pred-true-height');
  await expect(reg).toBeVisible();
  expect(Number(await reg.getAttribute('data-r2'))).toBeGreaterThan(0);
  expect(Number(await reg.getAttribute('data-rmse'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('downloads the metrics CSV and chart PNGs, exports the experiment as JSON and imports it back', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 500);
  await setNumber(page, 'eval-every', 50);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  const download = async (testId: string) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: dl.suggestedFilename(), body: readFileSync((await dl.path())!) };
  };

  // Metrics CSV: a header and one row per evaluation (steps 0, 50, …, 500).
  const csv = await download('export-metrics-csv');
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.body.toString('utf8').trim().split('\n');
  expect(lines[0]).toBe(
    'step,total_loss,' + TASKS.map((t) => `${t}_train_loss,${t}_val_loss,${t}_${t === 'height' ? 'rmse' : 'accuracy'},${t}_weight`).join(','),
  );
  expect(lines.length).toBe(1 + 11);
  expect(lines.at(-1)!.split(',')[0]).toBe('500');

  // PNGs of a curve chart and of a decision boundary.
  for (const id of ['png-canvas-side', 'png-boundary-zone', 'png-pred-true-height', 'png-confusion-side', 'png-conflict', 'png-pareto']) {
    const png = await download(id);
    expect(png.name, id).toMatch(/\.png$/);
    expect(png.body.subarray(0, 8).toString('hex'), id).toBe('89504e470d0a1a0a');
  }

  // JSON round trip: export, change the file, import it.
  const json = await download('export-json');
  expect(json.name).toMatch(/\.json$/);
  const cfg = JSON.parse(json.body.toString('utf8'));
  expect(cfg.optimizer.steps).toBe(500);
  cfg.name = 'Imported from a file';
  cfg.optimizer.learningRate = 0.0042;
  await page.getByTestId('import-json-file').setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cfg)) });
  await expect(page.getByTestId('exp-name')).toHaveValue('Imported from a file');
  await expect(page.getByTestId('lr')).toHaveValue('0.0042');
  await expect(page.getByTestId('steps')).toHaveValue('500');
  await expect(page.getByTestId('banner')).toContainText('Imported changed.json');

  // A broken file: a clear message, the experiment untouched.
  await page.getByTestId('import-json-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "half') });
  await expect(page.getByTestId('banner')).toContainText('Could not import broken.json: it is not valid JSON');
  await expect(page.getByTestId('exp-name')).toHaveValue('Imported from a file');
  await expect(page.getByTestId('lr')).toHaveValue('0.0042');
  expect(errors).toEqual([]);
});

test('chart options: smoothing, log scale and the train/validation toggles redraw the curves', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 300);
  await setNumber(page, 'eval-every', 10);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const legend = page.getByTestId('canvas-side').locator('.legend');
  await expect(legend).toContainText('train loss');
  await page.getByTestId('chart-show-train').uncheck();
  await expect(legend).not.toContainText('train loss');
  await expect(legend).toContainText('val loss');
  await page.getByTestId('chart-log').check();
  await expect(page.getByTestId('canvas-side')).toHaveAttribute('data-log', 'true');
  await page.getByTestId('chart-smoothing').fill('0.9');
  await expect(page.getByTestId('chart-toolbar').locator('output')).toHaveText('0.90');
});

test('FGSM robustness curves compare the runs ticked in the list', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 300);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await setNumber(page, 'lr', 0.03);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const boxes = page.locator('[data-testid^="run-select-"]');
  await expect(boxes).toHaveCount(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  for (const t of TASKS) await expect(page.getByTestId(`robustness-${t}`)).toHaveAttribute('data-runs', '2');
  await expect(page.getByTestId('robustness-canvas-side')).toHaveAttribute('data-drawn-points', '4');
});
