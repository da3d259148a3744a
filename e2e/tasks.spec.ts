import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

async function exported(page: Page): Promise<Record<string, unknown> & { tasks: { id: string; name: string }[] }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await dl.createReadStream())!) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

test('tasks that do not match the dataset are named one by one and Train stays off until they match', async ({ page }) => {
  const errors = await openApp(page);
  const plane = await exported(page);
  await page.getByTestId('dataset-kind').selectOption('multimnist');
  await expect(page.getByTestId('node-in')).toBeVisible();
  const mnist = await exported(page);
  // A file that claims MultiMNIST but carries the 2D tasks (and their graph).
  const bad = { ...plane, dataset: mnist.dataset, name: 'mismatched' };
  await page.getByTestId('import-json-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('train')).toBeDisabled();
  const names = mnist.tasks.map((t) => `“${t.name}”`).join(', ');
  await expect(page.getByTestId('train-blocked')).toHaveText(`Cannot train: Task “${plane.tasks[0].name}” (${plane.tasks[0].id}) is not a task of MultiMNIST; its tasks are ${names}.`);
  const rest = page.getByTestId('train-problems').locator('li');
  await expect(rest).toHaveCount(plane.tasks.length - 1);
  await expect(rest.nth(0)).toContainText(`Task “${plane.tasks[1].name}”`);
  // Loading the dataset's own template makes it trainable again.
  await page.getByTestId('dataset-kind').selectOption('synthetic2d');
  await page.getByTestId('dataset-kind').selectOption('multimnist');
  await expect(page.getByTestId('train')).toBeEnabled();
  await expect(page.getByTestId('train-blocked')).toHaveCount(0);
  expect(errors).toEqual([]);
});
