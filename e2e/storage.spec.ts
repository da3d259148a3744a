import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, trainAndWait } from './helpers';

const doneRows = (page: Page) => page.locator('[data-testid^="run-row-"][data-status="done"]');

test('the runs database deleted during a run is reopened: the page says so once, and no run is lost after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await openApp(page);
  await trainAndWait(page, { backend: 'wasm', steps: 100, evalEvery: 20 });
  await expect(doneRows(page)).toHaveCount(1);

  // A second, longer run; its database disappears under it (as "Clear site data" or another tab would do).
  await setNumber(page, 'steps', 3000);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  const deleted = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('mtl-playground');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve(`error: ${req.error}`);
        req.onblocked = () => resolve('blocked');
      }),
  );
  expect(deleted).toBe('deleted');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('banner')).toContainText('It was reopened and this tab’s runs were saved again.');
  await expect(doneRows(page)).toHaveCount(2);

  // A third run saves without another message.
  await page.getByTestId('banner-dismiss').click();
  await trainAndWait(page, { backend: 'wasm', steps: 100, evalEvery: 20 });
  await expect(doneRows(page)).toHaveCount(3);
  await expect(page.getByTestId('banner')).toHaveCount(0);

  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('node-in')).toBeVisible();
  await expect(doneRows(page)).toHaveCount(3);
  expect(errors).toEqual([]);
});
