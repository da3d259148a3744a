/** Issue 13 "nothing lost": stale links, undo/redo, undoable deletes and New, fading messages, invalid numbers, Open. */
import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, trainAndWait } from './helpers';

const hashOf = (url: string) => url.slice(url.indexOf('#'));

/** The share link of the experiment as it is now. */
async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#e=v1.');
  return url;
}

/** Ids of the run rows, newest first. */
const runIds = (page: Page) => page.locator('[data-testid^="run-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('run-row-'.length)));

test('share → open the link → edit → reload keeps the edit (the stale hash is gone, the last edit is saved at once)', async ({ page }) => {
  await openApp(page);
  await setNumber(page, 'seed', 4321);
  const url = await shareLink(page);
  // Open the link as a visitor would, in this tab.
  await page.goto('about:blank');
  await openApp(page, hashOf(url));
  await expect(page.getByTestId('seed')).toHaveValue('4321');
  await expect(page.getByTestId('banner')).toContainText('Opened a shared experiment');
  await page.getByTestId('exp-name').fill('my edit after the link');
  // Reload at once: well inside the autosave's 500 ms debounce.
  await page.reload();
  await expect(page.getByTestId('node-in')).toBeVisible();
  await expect(page.getByTestId('exp-name')).toHaveValue('my edit after the link');
  await expect(page.getByTestId('seed')).toHaveValue('4321');
  expect(page.url()).not.toContain('#'); // the stale snapshot is gone

  // After Share the address bar holds the snapshot; the next edit clears it, so a reload keeps the edit too.
  await shareLink(page);
  expect(page.url()).toContain('#e=v1.');
  await setNumber(page, 'seed', 99);
  expect(page.url()).not.toContain('#');
  await page.reload();
  await expect(page.getByTestId('seed')).toHaveValue('99');
});

test('a link pasted into the address bar of an open tab opens that experiment, and Undo goes back', async ({ page }) => {
  await openApp(page);
  await setNumber(page, 'seed', 777);
  const url = await shareLink(page);
  await page.getByTestId('new-experiment').click();
  await expect(page.getByTestId('seed')).not.toHaveValue('777');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  // Same page, another hash: the browser fires hashchange and does not reload.
  await page.evaluate((u) => void (window.location.href = u), url);
  await expect(page.getByTestId('seed')).toHaveValue('777');
  await expect(page.getByTestId('banner')).toContainText('Opened a shared experiment');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await expect.poll(() => page.url()).not.toContain('#');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('seed')).not.toHaveValue('777');
});

test('Ctrl+Z restores a deleted node, Ctrl+Shift+Z and Ctrl+Y redo; inside a text field Ctrl+Z stays the field’s own', async ({ page }) => {
  await openApp(page);
  const edges = page.locator('.react-flow__edge');
  const edgeCount = await edges.count();
  await page.getByTestId('node-d2').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-d2')).toHaveCount(0);
  await expect(edges).not.toHaveCount(edgeCount);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-d2')).toBeVisible();
  // one press of Ctrl+Z brings back the node and its edges (React Flow removes them as two changes)
  await expect(edges).toHaveCount(edgeCount);
  await expect(page.getByTestId('train')).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-d2')).toHaveCount(0);
  await expect(page.getByTestId('redo')).toBeDisabled();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('node-d2')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('node-d2')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('node-d2')).toBeVisible();
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('node-d2')).toHaveCount(0);

  // Training settings are covered too, and typing into a field is one step.
  const lr = await page.getByTestId('lr').inputValue();
  await page.getByTestId('lr').pressSequentially('5');
  await expect(page.getByTestId('lr')).not.toHaveValue(lr);
  await page.getByTestId('exp-name').click();
  await page.getByTestId('exp-name').press('End');
  await page.getByTestId('exp-name').pressSequentially('xyz');
  await page.getByTestId('exp-name').press('Control+z');
  // the field's own undo took the typing back; the deleted node stays deleted
  await expect(page.getByTestId('exp-name')).not.toHaveValue(/xyz$/);
  await expect(page.getByTestId('node-d2')).toHaveCount(0);
  await page.getByTestId('editor-canvas').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('undo').click(); // the name edit
  await page.getByTestId('undo').click(); // the learning rate
  await expect(page.getByTestId('lr')).toHaveValue(lr);
  await page.getByTestId('undo').click(); // the deletion
  await expect(page.getByTestId('node-d2')).toBeVisible();
});

test('a deleted run comes back with Undo (also after a reload); New can be undone', async ({ page }) => {
  await openApp(page);
  await trainAndWait(page, { backend: 'wasm', steps: 20, evalEvery: 10 });
  await expect.poll(() => runIds(page)).toHaveLength(1);
  const [id] = await runIds(page);
  await page.getByTestId(`run-delete-${id}`).click();
  await expect(page.getByTestId(`run-row-${id}`)).toHaveCount(0);
  await expect(page.getByTestId('banner')).toContainText('Deleted run');
  await page.getByTestId('banner-action').click();
  await expect(page.getByTestId(`run-row-${id}`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`run-row-${id}`)).toBeVisible();
  await expect(page.getByTestId(`run-row-${id}`)).toHaveAttribute('data-status', 'done');

  await setNumber(page, 'seed', 2468);
  await page.getByTestId('new-experiment').click();
  await expect(page.getByTestId('seed')).not.toHaveValue('2468');
  await expect(page.getByTestId('banner')).toContainText('Started a new experiment');
  await page.getByTestId('banner-action').click();
  await expect(page.getByTestId('seed')).toHaveValue('2468');
  // and through the history
  await page.getByTestId('new-experiment').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('seed')).toHaveValue('2468');
});

test('info messages fade (also "Link copied"); errors stay until dismissed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByTestId('share').click();
  const hint = page.locator('.share-url .hint');
  await expect(hint).toContainText('Link copied');
  await expect(hint).not.toContainText('Link copied', { timeout: 10_000 });
  await expect(page.getByTestId('share-url')).toBeVisible();

  await page.getByTestId('new-experiment').click();
  const banner = page.getByTestId('banner');
  await expect(banner).toHaveAttribute('data-kind', 'info');
  await expect(banner).toHaveCount(0, { timeout: 15_000 });

  await page.goto('about:blank');
  await openApp(page, '#e=v1.%%%not-an-experiment');
  await expect(banner).toHaveAttribute('data-kind', 'error');
  await page.waitForTimeout(8000);
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});

test('an invalid number gets a message in place, is not applied, and Escape restores the value', async ({ page }) => {
  await openApp(page);
  const lr = page.getByTestId('lr');
  const before = await lr.inputValue();
  await lr.fill('-1');
  await lr.press('Tab');
  await expect(lr).toHaveValue('-1');
  await expect(lr).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('lr-error')).toContainText(`Not applied: still ${before}`);
  await lr.focus();
  await lr.press('Escape');
  await expect(lr).toHaveValue(before);
  await expect(page.getByTestId('lr-error')).toHaveCount(0);

  // A layer parameter in the inspector: no silent clamp either.
  await page.getByTestId('node-d1').click();
  const units = page.getByTestId('param-units');
  const u0 = await units.inputValue();
  await units.fill('0');
  await units.press('Tab');
  await expect(units).toHaveValue('0');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('param-units-error')).toContainText(`Not applied: still ${u0}`);
  await expect(page.getByTestId('node-d1')).toContainText(u0);
});

test('Open on a finished run restores its settings and its curves', async ({ page }) => {
  await openApp(page);
  await trainAndWait(page, { backend: 'wasm', steps: 30, evalEvery: 10 });
  const summary = page.getByTestId('summary-side');
  const drawn = () => page.getByTestId('canvas-side').getAttribute('data-drawn-points');
  const first = { points: (await summary.getAttribute('data-points'))!, last: (await summary.getAttribute('data-last-val-loss'))! };
  expect(Number(first.points)).toBeGreaterThan(1);
  await expect.poll(drawn).toBe(first.points);
  await expect.poll(() => runIds(page)).toHaveLength(1);
  const [firstId] = await runIds(page);
  await trainAndWait(page, { backend: 'wasm', steps: 90, evalEvery: 10 });
  await expect(summary).not.toHaveAttribute('data-points', first.points);
  await expect.poll(drawn).not.toBe(first.points);
  await page.getByTestId(`run-open-${firstId}`).click();
  await expect(page.getByTestId('steps')).toHaveValue('30');
  await expect(summary).toHaveAttribute('data-points', first.points);
  await expect(summary).toHaveAttribute('data-last-val-loss', first.last);
  await expect.poll(drawn).toBe(first.points);
  await expect(page.getByTestId('banner')).toContainText('with its curves');
});
