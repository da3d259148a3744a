import { expect, test } from '@playwright/test';
import { WEIGHTINGS } from '../src/model/weighting';
import { curve, openApp, TASKS, trainAndWait } from './helpers';

test('every loss-weighting strategy trains and fills the weight chart and the conflict heatmap', async ({ page }) => {
  test.setTimeout(25_000 * WEIGHTINGS.length); // one 300-step run per strategy
  const errors = await openApp(page);
  for (const w of WEIGHTINGS) {
    await page.getByTestId('weighting').selectOption(w.id);
    await expect(page.getByTestId('weighting-help')).toContainText(w.description.slice(0, 20));
    await trainAndWait(page, { backend: 'auto', steps: 300, evalEvery: 20 });
    await expect(page.getByTestId('canvas-weights'), w.id).toHaveAttribute('data-drawn-points', '16');
    const measured = Number(await page.getByTestId('conflict-view').getAttribute('data-measured'));
    expect(measured, w.id).toBeGreaterThanOrEqual(w.needsGrads ? 300 : 15);
    await expect(page.getByTestId('conflict-heatmap').locator('td')).toHaveCount(9);
    await expect(page.getByTestId('conflict-share')).toContainText(`of ${measured} measured`);
    for (const t of TASKS) {
      const c = await curve(page, t);
      expect(c.last, `${w.id} ${t}`).toBeLessThan(c.first);
    }
  }
  expect(errors).toEqual([]);
});

test('strategy parameters are editable and travel in the share link', async ({ page, context }) => {
  await openApp(page);
  await page.getByTestId('weighting').selectOption('cagrad');
  await page.getByTestId('wparam-c').fill('0.7');
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await context.newPage();
  await openApp(other, url.slice(url.indexOf('#')));
  await expect(other.getByTestId('weighting')).toHaveValue('cagrad');
  await expect(other.getByTestId('wparam-c')).toHaveValue('0.7');
});
