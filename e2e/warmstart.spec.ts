import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { curve, openApp, trainAndWait } from './helpers';

/** Ids of the done runs, newest first. */
async function doneRuns(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="run-row-"][data-status="done"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('run-row-'.length)));
}

async function trainAgain(page: Page): Promise<void> {
  const before = (await doneRuns(page)).length;
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect.poll(async () => (await doneRuns(page)).length).toBe(before + 1);
}

test('warm start from an earlier run, per-node report; tfjs weights download and upload back', async ({ page }, info) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);

  // 1. a source run (Auto: the JS engine for this small model)
  await trainAndWait(page, { backend: 'auto', steps: 150, evalEvery: 50 });
  await expect.poll(async () => (await doneRuns(page)).length).toBe(1);
  const [source] = await doneRuns(page);
  const sourceLast = await curve(page, 'side');

  // 2. a narrower d2: d1 still fits, d2 and the heads do not
  await page.getByTestId('node-d2').click();
  await page.getByTestId('param-units').fill('8');
  await expect(page.getByTestId('shape-d2')).toHaveText('→ [8]');
  await page.getByTestId('warmstart-source').selectOption(source);
  await expect(page.getByTestId('warmstart-node-d1')).toBeChecked();
  await expect(page.getByTestId('warmstart-node-d2')).not.toBeChecked();
  await expect(page.getByTestId('warm-d1')).toBeVisible();
  await expect(page.getByTestId('warm-d2')).toHaveCount(0);
  await expect(page.getByTestId('warmstart-nodes')).toContainText('different parameters or input shape');
  // ask for d2 anyway: the engine refuses it with the shapes
  await page.getByTestId('warmstart-node-d2').check();
  await trainAgain(page);
  const report = page.getByTestId('warmstart-report');
  await expect(report).toHaveAttribute('data-copied', '1');
  await expect(report).toHaveAttribute('data-entries', '2');
  await expect(page.getByTestId('warmstart-entry-d1')).toHaveAttribute('data-status', 'copied');
  await expect(page.getByTestId('warmstart-entry-d2')).toHaveAttribute('data-status', 'mismatch');
  await expect(page.getByTestId('warmstart-entry-d2')).toContainText('shape mismatch: expected [16,8] [8] got [16,16] [16]');

  // 3. the source run's weights as tfjs files
  await page.getByTestId('tfjs-export-run').selectOption(source);
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-model-json').click()]);
  const [binDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-weights-bin').click()]);
  expect(jsonDl.suggestedFilename()).toBe('model.json');
  expect(binDl.suggestedFilename()).toBe('weights.bin');
  const jsonPath = info.outputPath('model.json');
  const binPath = info.outputPath('weights.bin');
  await jsonDl.saveAs(jsonPath);
  await binDl.saveAs(binPath);
  const manifest = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(manifest.format).toBe('mtl-playground');
  expect(manifest.modelTopology.graph.nodes.find((n: { id: string }) => n.id === 'd2').params.units).toBe(16);
  const names = manifest.weightsManifest[0].weights.map((w: { name: string }) => w.name);
  expect(names).toEqual(['d1/0', 'd1/1', 'd2/0', 'd2/1', 'head_side/0', 'head_side/1', 'head_zone/0', 'head_zone/1', 'head_height/0', 'head_height/1']);
  // 2·16+16 + 16·16+16 + 16+1 + 16·3+3 + 16+1 float32s
  expect(readFileSync(binPath).byteLength).toBe((48 + 272 + 17 + 51 + 17) * 4);

  // 4. a truncated weights.bin is refused with the byte counts
  const badPath = info.outputPath('short.bin');
  writeFileSync(badPath, readFileSync(binPath).subarray(0, 100));
  await page.getByTestId('tfjs-upload').setInputFiles([jsonPath, badPath]);
  await expect(page.getByTestId('tfjs-upload-error')).toContainText('weights.bin has 100 bytes but model.json describes 1,620');

  // 5. back to the source's graph, upload the files: every node fits and is copied
  await page.getByTestId('node-d2').click();
  await page.getByTestId('param-units').fill('16');
  await expect(page.getByTestId('shape-d2')).toHaveText('→ [16]');
  await page.getByTestId('tfjs-upload').setInputFiles([jsonPath, binPath]);
  await expect(page.getByTestId('tfjs-upload-ok')).toContainText('memory only');
  await expect(page.getByTestId('warmstart-source')).toHaveValue('file:model.json');
  for (const id of ['d1', 'd2', 'head_side', 'head_zone', 'head_height']) await expect(page.getByTestId(`warmstart-node-${id}`)).toBeChecked();
  await trainAgain(page);
  await expect(report).toHaveAttribute('data-copied', '5');
  await expect(report).toContainText('model.json');
  for (const id of ['d1', 'd2', 'head_side', 'head_zone', 'head_height']) await expect(page.getByTestId(`warmstart-entry-${id}`)).toHaveAttribute('data-status', 'copied');
  // the warm-started model at step 0 is the source at its last step: same validation loss
  const warm = await curve(page, 'side');
  expect(warm.first).toBeCloseTo(sourceLast.last, 4);

  expect(errors).toEqual([]);
});

test('a two-phase schedule trains under Auto on the JS engine, which runs schedules too', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('schedule-on').check();
  await page.getByTestId('schedule-steps').fill('40');
  await page.getByTestId('schedule-steps').press('Enter');
  await page.getByTestId('schedule-freeze-d1').check();
  await trainAndWait(page, { backend: 'auto', steps: 80, evalEvery: 20 });
  await expect(page.getByTestId('active-backend')).toHaveText('js');
  await expect(page.getByTestId('backend-note').first()).toContainText('Auto: JS engine');
  // the curves mark where phase 2 starts
  await expect(page.getByTestId('canvas-combined')).toHaveAttribute('data-markers', '40');
  await expect(page.getByTestId('canvas-side')).toHaveAttribute('data-markers', '40');
  expect(errors).toEqual([]);
});
