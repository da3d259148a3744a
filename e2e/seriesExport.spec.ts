/** The metrics CSV gives every evaluation of a run, though live and stored curves are bounded (LIVE_POINTS, MAX_STORED_POINTS). */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, trainAndWait } from './helpers';

async function csvSteps(page: Page): Promise<number[]> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-metrics-csv').click()]);
  const lines = readFileSync((await dl.path())!, 'utf8').trim().split('\n');
  return lines.slice(1).map((l) => Number(l.split(',')[0]));
}

test('a run with more evaluations than the live and stored bounds exports all of them, also after a reload', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);
  const steps = 4500; // evaluated every step: 4,501 points, more than the live view's 4,000 and the record's 500
  await trainAndWait(page, { backend: 'js', steps, evalEvery: 1 });
  const expected = Array.from({ length: steps + 1 }, (_, i) => i);
  expect(await csvSteps(page)).toEqual(expected);
  const id = (await page.locator('[data-testid^="run-row-"]').first().getAttribute('data-testid'))!.slice('run-row-'.length);
  await page.reload();
  await page.getByTestId(`run-open-${id}`).click();
  expect(await csvSteps(page)).toEqual(expected);
  expect(errors).toEqual([]);
});
