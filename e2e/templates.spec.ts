import { expect, test } from '@playwright/test';
import { SYNTHETIC_TASKS } from '../src/model/defaults';
import { TEMPLATES } from '../src/model/templates';
import { curve, mouseDrag, openApp, TASKS, trainAndWait } from './helpers';

async function expectLossesFall(page: import('@playwright/test').Page, what: string): Promise<void> {
  for (const t of TASKS) {
    const c = await curve(page, t);
    expect(c.points, `${what} ${t}`).toBeGreaterThanOrEqual(10);
    expect(c.last, `${what} ${t}`).toBeLessThan(c.first);
  }
}

test('every template builds a trainable graph whose tasks all learn on tfjs WASM', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = await openApp(page);
  for (const { id } of TEMPLATES) {
    await page.getByTestId('template').selectOption(id);
    // every template has one head per task, and the graph is valid
    for (const t of TASKS) await expect(page.getByTestId(`node-head_${t}`)).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled();
    await trainAndWait(page, { backend: 'wasm', steps: 300, evalEvery: 20 });
    await expect(page.getByTestId('active-backend')).toHaveText('wasm');
    await expectLossesFall(page, id);
  }
  // the multi-output modules show one labelled output handle per task
  await page.getByTestId('template').selectOption('mmoe');
  for (const k of [0, 1, 2]) await expect(page.getByTestId(`out-mmoe-${k}`)).toBeVisible();
  await expect(page.getByTestId('node-mmoe')).toContainText('Zone');
  // every template's module is in the palette too
  const kinds = new Set(TEMPLATES.flatMap((t) => t.build(SYNTHETIC_TASKS, 2).nodes.map((n) => n.kind)));
  for (const kind of kinds) await expect(page.getByTestId(`palette-${kind}`)).toBeVisible();
  expect(errors).toEqual([]);
});

test('every template trains under Auto on the JS engine, and all its tasks learn', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await openApp(page);
  for (const { id } of TEMPLATES) {
    await page.getByTestId('template').selectOption(id);
    await trainAndWait(page, { backend: 'auto', steps: 300, evalEvery: 20 });
    await expect(page.getByTestId('active-backend'), id).toHaveText('js');
    await expect(page.getByTestId('backend-note').first(), id).toContainText('Auto: JS engine');
    await expectLossesFall(page, id);
  }
  expect(errors).toEqual([]);
});

test('wire a cross-stitch unit by hand between single-task towers and train it', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('template').selectOption('single');
  // take out the second layer of each tower: the heads lose their inputs
  for (const t of TASKS) {
    await page.getByTestId(`node-b_${t}`).click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId(`node-b_${t}`)).toHaveCount(0);
  }
  await expect(page.getByTestId('train')).toBeDisabled();

  const canvas = page.getByTestId('editor-canvas');
  const box = (await canvas.boundingBox())!;
  const head = (await page.getByTestId('node-head_zone').boundingBox())!;
  const tower = (await page.getByTestId('node-a_zone').boundingBox())!;
  // drop the unit in the gap between the first layers and the heads
  await page.getByTestId('palette-crossstitch').dragTo(canvas, {
    targetPosition: { x: (tower.x + tower.width + head.x) / 2 - box.x - 40, y: tower.y - box.y },
  });
  await expect(page.getByTestId('node-crossstitch1')).toBeVisible();
  await expect(page.getByTestId('errors-crossstitch1')).toContainText('needs one input edge per task (3)');

  // streams in task order, then output k → task k's head
  for (const t of TASKS) await mouseDrag(page, `out-a_${t}`, 'in-crossstitch1');
  await expect(page.getByTestId('shape-crossstitch1')).toHaveText('→ [16] ×3');
  for (const [k, t] of TASKS.entries()) await mouseDrag(page, `out-crossstitch1-${k}`, `in-head_${t}`);
  await expect(page.getByTestId('train')).toBeEnabled();

  await trainAndWait(page, { backend: 'auto', steps: 300, evalEvery: 20 });
  // Auto: the JS engine has a cross-stitch kernel
  await expect(page.getByTestId('active-backend')).toHaveText('js');
  await expectLossesFall(page, 'hand-wired cross-stitch');
  expect(errors).toEqual([]);
});

test('a frozen layer shows a lock and trains under Auto on the JS engine, which freezes too', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('node-d1').click();
  await page.getByTestId('param-frozen').check();
  await expect(page.getByTestId('frozen-d1')).toBeVisible();
  await expect(page.getByTestId('node-d1')).toContainText('frozen');
  await trainAndWait(page, { backend: 'auto', steps: 200, evalEvery: 20 });
  await expect(page.getByTestId('active-backend')).toHaveText('js');
  await expect(page.getByTestId('backend-note').first()).toContainText('Auto: JS engine');
  await expectLossesFall(page, 'frozen d1');
  expect(errors).toEqual([]);
});
