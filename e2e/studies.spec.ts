import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const attr = async (page: Page, id: string, name: string) => Number(await page.getByTestId(id).getAttribute(name));

test('a study runs, cancels, survives a reload as interrupted with its finished runs, and resumes to the end', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = await openApp(page);
  await page.getByTestId('study-showcase').click();
  const progress = page.getByTestId('study-progress');
  await expect.poll(() => attr(page, 'study-progress', 'data-done'), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  await expect(progress).toContainText(/left/);
  await page.getByTestId('study-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('study-status')).toHaveAttribute('data-status', 'stopped');
  const kept = await attr(page, 'study-results', 'data-done');
  expect(kept).toBeGreaterThanOrEqual(4);
  expect(kept).toBeLessThan(180);
  // Resume, then reload mid-way: the study is interrupted and keeps what finished
  await page.getByTestId('study-resume').click();
  await expect.poll(() => attr(page, 'study-progress', 'data-done'), { timeout: 30_000 }).toBeGreaterThanOrEqual(kept + 10);
  await page.reload();
  await expect(page.getByTestId('study-status')).toHaveAttribute('data-status', 'interrupted', { timeout: 30_000 });
  await expect(page.getByTestId('study-status')).toContainText('Interrupted');
  const afterReload = await attr(page, 'study-results', 'data-done');
  // A reload may cut off the writes in flight at that instant: at most one per pool worker (2 here).
  expect(afterReload).toBeGreaterThanOrEqual(kept + 8);
  await page.getByTestId('study-resume').click();
  expect(await attr(page, 'study-progress', 'data-done')).toBe(afterReload);
  await expect(progress).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('study-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('study-results')).toHaveAttribute('data-done', '180');
  // CSV: one row per training
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('study-csv').click()]);
  const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(text.trimEnd().split('\n')).toHaveLength(181);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('study-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  expect(errors).toEqual([]);
});

test('a study link opens the study’s setup ready to run, and it runs', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByTestId('study-from-experiment').click();
  await page.getByTestId('study-knob').selectOption('dataset.noise');
  await page.getByTestId('study-values').fill('0, 0.3');
  await page.getByTestId('study-seeds').fill('2');
  await page.getByTestId('study-arm-template').selectOption('mmoe');
  await page.getByTestId('study-arm-add').click();
  await expect(page.getByTestId('study-arms').locator('li')).toHaveCount(2);
  // 2 values × 2 arms × 2 seeds + 2 values × 2 seeds × 3 baselines
  await expect(page.getByTestId('study-plan')).toHaveAttribute('data-runs', '20');
  await page.getByTestId('study-share').click();
  const link = await page.getByTestId('study-link').inputValue();
  expect(link).toContain('#s=v1.');
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId('study-knob')).toHaveValue('dataset.noise');
  await expect(other.getByTestId('study-values')).toHaveValue('0, 0.3');
  await expect(other.getByTestId('study-seeds')).toHaveValue('2');
  await expect(other.getByTestId('study-arms').locator('li')).toHaveText([/base experiment/, /MMoE/]);
  await expect(other.getByTestId('study-plan')).toHaveAttribute('data-runs', '20');
  await expect(other.getByTestId('banner')).toContainText('shared study');
  await other.getByTestId('study-run').click();
  await expect(other.getByTestId('study-results')).toHaveAttribute('data-done', '20', { timeout: 90_000 });
  await expect(other.getByTestId('study-cell-1-1')).toHaveAttribute('data-n', '2');
});
