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
  // The next write of the running record finds the connection gone (info messages fade, so it is checked at once).
  await expect(page.getByTestId('banner')).toContainText('It was reopened and this tab’s runs were saved again.');
  await page.getByTestId('banner-dismiss').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(doneRows(page)).toHaveCount(2);

  // A third run saves without another message.
  await trainAndWait(page, { backend: 'wasm', steps: 100, evalEvery: 20 });
  await expect(doneRows(page)).toHaveCount(3);
  await expect(page.getByTestId('banner')).toHaveCount(0);

  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('node-in')).toBeVisible();
  await expect(doneRows(page)).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a stored run that no longer validates is listed as unreadable with its reason, not dropped, and can be deleted', async ({ page }) => {
  const errors = await openApp(page);
  await trainAndWait(page, { backend: 'auto', steps: 40, evalEvery: 20 });
  await page.waitForTimeout(500);
  // Damage a copy of the stored run the way an older version or a broken write might.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('mtl-playground');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((res) => {
      const r = db.transaction('runs').objectStore('runs').getAll();
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = db.transaction('runs', 'readwrite');
      tx.objectStore('runs').put({ ...all[0], id: 'damaged', name: 'Damaged run', optimizerless: true, config: { ...(all[0].config as object), optimizer: { kind: 'rmsprop' } } });
      tx.oncomplete = res;
    });
    db.close();
  });
  await page.reload();
  const box = page.getByTestId('unreadable-runs');
  await expect(box).toContainText('1 stored run could not be read');
  await box.locator('summary').click();
  await expect(page.getByTestId('unreadable-damaged')).toContainText('Damaged run');
  await expect(page.getByTestId('unreadable-damaged')).toContainText('optimizer');
  await expect(page.locator('[data-testid^="run-row-"]')).toHaveCount(1); // the good run is still listed
  await page.getByTestId('unreadable-damaged').getByRole('button', { name: 'Delete' }).click();
  await expect(box).toHaveCount(0);
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.locator('[data-testid^="run-row-"]')).toHaveCount(1);
  await expect(page.getByTestId('unreadable-runs')).toHaveCount(0);
  expect(errors).toEqual([]);
});
