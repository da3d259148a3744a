import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { openApp } from './helpers';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

test('a CSV experiment opened without its file cannot train until the file is uploaded', async ({ page, browser }) => {
  const errors = await openApp(page);
  await page.getByTestId('dataset-kind').selectOption('csv');
  await page.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'small.csv'));
  await expect(page.getByTestId('csv-columns')).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const json = await dl.path();

  // Another browser profile: the experiment arrives, the data does not.
  const other = await (await browser.newContext()).newPage();
  const otherErrors = await openApp(other);
  await other.getByTestId('import-json-file').setInputFiles(json!);
  await expect(other.getByTestId('train')).toBeDisabled();
  await expect(other.getByTestId('train-blocked')).toHaveText('Cannot train: Upload “small.csv” in the Data panel to train: a link or file carries the column choices, not the data.');
  await other.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'small.csv'));
  await expect(other.getByTestId('train')).toBeEnabled();
  // A broken file afterwards is refused out loud, and the good file stays in use, whole.
  await other.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'broken.csv'));
  await expect(other.getByTestId('csv-error')).toContainText('broken.csv: row 4');
  await expect(other.getByTestId('csv-error')).toContainText('The experiment still uses “small.csv”.');
  await expect(other.getByTestId('train')).toBeEnabled();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});
