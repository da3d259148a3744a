import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { openApp, trainAndWait } from './helpers';

test('a 1,000-class task finishes with a confusion view that stays usable', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await dl.createReadStream())!) chunks.push(c as Buffer);
  const cfg = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  cfg.dataset.nPoints = 8000;
  cfg.tasks.find((t: { id: string }) => t.id === 'zone').classes = 1000;
  await page.goto('about:blank');
  await openApp(page, `#e=v1.${LZString.compressToEncodedURIComponent(JSON.stringify(cfg))}`);
  await expect(page.getByTestId('shape-head_zone')).toHaveText('→ [1000]');
  await trainAndWait(page, { backend: 'js', steps: 40, evalEvery: 20 });
  const view = page.getByTestId('confusion-zone');
  await expect(view).toHaveAttribute('data-classes', '1000');
  await expect(page.getByTestId('cm-map-zone')).toBeVisible();
  expect(await page.getByTestId('cm-top-zone').locator('tr').count()).toBeGreaterThan(0);
  // No million-cell table: the page stays light and responsive.
  expect(await view.locator('td[data-testid="cm-cell"]').count()).toBe(0);
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(Date.now() - t0).toBeLessThan(2000);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-confusion-zone').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  // The small tasks keep their count tables.
  expect(await page.getByTestId('confusion-side').getByTestId('cm-cell').count()).toBe(4);
  if (process.env.SHOTS) await view.screenshot({ path: `${process.env.SHOTS}/confusion-1000.png` });
  expect(errors).toEqual([]);
});
