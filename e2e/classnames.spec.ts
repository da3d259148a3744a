import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { openApp, trainAndWait } from './helpers';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** The row and column headers of a task's confusion table. */
async function headers(page: Page, taskId: string): Promise<{ rows: string[]; cols: string[] }> {
  const view = page.getByTestId(`confusion-${taskId}`);
  await expect(view).toBeVisible({ timeout: 60_000 });
  return { rows: await view.getByTestId('cm-row').allTextContents(), cols: await view.getByTestId('cm-col').allTextContents() };
}

// Issue 13: confusion matrices use the dataset's class names, not class numbers.
test('Penguins confusion matrices name the species, sexes and islands; a CSV text target its values', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);
  await page.getByTestId('dataset-kind').selectOption('penguins');
  await expect(page.getByTestId('node-head_species')).toBeVisible();
  await trainAndWait(page, { backend: 'auto', steps: 40, evalEvery: 20 });
  expect(await headers(page, 'species')).toEqual({ rows: ['Adelie', 'Chinstrap', 'Gentoo'], cols: ['Adelie', 'Chinstrap', 'Gentoo'] });
  expect((await headers(page, 'sex')).cols).toEqual(['FEMALE', 'MALE']);
  expect((await headers(page, 'island')).rows).toEqual(['Biscoe', 'Dream', 'Torgersen']);

  await page.getByTestId('dataset-kind').selectOption('csv');
  await page.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'small.csv'));
  await page.getByTestId('csv-target-colour').selectOption('multiclass');
  await expect(page.getByTestId('node-head_c0_colour')).toBeVisible();
  await trainAndWait(page, { backend: 'auto', steps: 40, evalEvery: 20 });
  // the colour column's distinct values, sorted: class k is the k-th
  expect(await headers(page, 'c0_colour')).toEqual({ rows: ['blue', 'green', 'red'], cols: ['blue', 'green', 'red'] });
  expect(errors).toEqual([]);
});
