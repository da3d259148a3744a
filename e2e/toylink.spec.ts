import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

const startOf = async (page: import('@playwright/test').Page) => (await page.getByTestId('toy-start').textContent())!.match(/\((-?[\d.]+), (-?[\d.]+)\)/)!.slice(1).map(Number);

test('the toy landscape’s picked strategies and start point round-trip through the share link', async ({ page, context }) => {
  const errors = await openApp(page);
  await page.getByTestId('toy-panel').locator('summary').click();
  await page.getByTestId('toy-pick-cagrad').check();
  await page.getByTestId('toy-pick-mgda').check();
  await page.getByTestId('toy-start-2').click();
  const start = await startOf(page);
  expect(start).not.toEqual([-8.5, 7.5]);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await context.newPage();
  await other.goto(url);
  // the panel opens on the link's settings
  await expect(other.getByTestId('toy-plane')).toBeVisible();
  expect(await startOf(other)).toEqual(start);
  await expect(other.getByTestId('toy-pick-cagrad')).toBeChecked();
  await expect(other.getByTestId('toy-pick-mgda')).toBeChecked();
  await expect(other.getByTestId('toy-pick-equal')).not.toBeChecked();
  await expect(other.getByTestId('toy-status-cagrad')).toBeVisible();
  expect(errors).toEqual([]);
});
