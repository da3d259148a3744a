/**
 * Worker and backend faults, each injected through the test-only hook (globalThis.__MTL_FAULTS__, protocol/faults.ts):
 * every one ends in a message, a failed (or restarted) run, no hang, and a Train button that works again.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, trainAndWait } from './helpers';

/** Ask the next runs of this page's worker to inject `plan`. */
async function inject(page: Page, plan: { kind: string; atStep: number }): Promise<void> {
  await page.addInitScript((p) => void ((globalThis as { __MTL_FAULTS__?: unknown }).__MTL_FAULTS__ = p), plan);
}

/** Start a long run on `backend` and wait until it trains. */
async function startLongRun(page: Page, backend: string, steps: number): Promise<void> {
  await page.getByTestId('backend').selectOption(backend);
  await setNumber(page, 'steps', steps);
  await page.getByTestId('train').click();
}

/** After a fault: the run is failed with `message`, its row too, and a short run afterwards trains to done. */
async function expectFailedThenTrains(page: Page, message: RegExp, timeout = 60_000): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'failed', { timeout });
  await expect(page.getByTestId('run-error')).toContainText(message);
  await expect(page.locator('[data-testid^="run-row-"]').first()).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('train')).toBeEnabled();
  // The hook fires again in the next worker unless the page forgets it.
  await page.evaluate(() => delete (globalThis as { __MTL_FAULTS__?: unknown }).__MTL_FAULTS__);
  await trainAndWait(page, { backend: 'js', steps: 200 });
}

for (const kind of ['close', 'throw'] as const) {
  test(`a worker that dies mid-run (${kind}) fails the run with a message, and Train works again`, async ({ page }) => {
    await inject(page, { kind, atStep: 300 });
    const errors = await openApp(page);
    await startLongRun(page, 'js', 1_000_000);
    const message = kind === 'close' ? /stopped unexpectedly/ : /worker crashed/;
    await expectFailedThenTrains(page, message);
    expect(errors).toEqual([]);
  });
}

test('a lost WebGPU device fails the run with what to choose instead, and Train works again', async ({ page }) => {
  test.setTimeout(240_000);
  await inject(page, { kind: 'device-lost', atStep: 3 });
  const errors = await openApp(page);
  await startLongRun(page, 'webgpu', 100_000);
  await expect(page.getByTestId('active-backend')).toHaveText('webgpu', { timeout: 120_000 });
  await expectFailedThenTrains(page, /WebGPU device was lost at step \d+.*tfjs WASM or tfjs CPU/, 120_000);
  expect(errors).toEqual([]);
});

test('a backend that fails at its first step: the run starts again on a simpler backend and finishes', async ({ page }) => {
  await inject(page, { kind: 'first-step', atStep: 0 });
  const errors = await openApp(page);
  await trainAndWait(page, { backend: 'wasm', steps: 300, evalEvery: 50 });
  await expect(page.getByTestId('active-backend')).toHaveText('cpu');
  await expect(page.getByTestId('backend-note').first()).toContainText('tfjs WASM failed at its first step');
  await expect(page.locator('[data-testid^="run-row-"]').first()).toHaveAttribute('data-status', 'done');
  // steps 0, 50, …, 300: one step-0 point, not two (the first attempt posted no metrics)
  await expect(page.getByTestId('summary-side')).toHaveAttribute('data-points', '7');
  expect(errors).toEqual([]);
});

test('two tabs train at the same time; each finishes its own run and both are stored', async ({ page, context }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);
  await startLongRun(page, 'wasm', 3000);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  const idOf = async (p: Page) => (await p.locator('[data-testid^="run-row-"]').first().getAttribute('data-testid'))!;
  const first = await idOf(page);
  await page.waitForTimeout(800); // the running record reaches IndexedDB
  const second = await context.newPage();
  const errors2 = await openApp(second);
  // the second tab sees the first tab's run as running, not as interrupted by a closed tab
  await expect(second.getByTestId(first)).toHaveAttribute('data-status', 'running');
  await startLongRun(second, 'js', 20_000);
  await expect(second.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  const other = await idOf(second);
  expect(first).not.toEqual(other);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  await expect(second.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  await expect(page.getByTestId('active-backend')).toHaveText('wasm');
  await expect(second.getByTestId('active-backend')).toHaveText('js');
  // after a reload both runs are stored, done, and neither tab's run was marked interrupted
  const third = await context.newPage();
  await openApp(third);
  await expect(third.getByTestId(first)).toHaveAttribute('data-status', 'done');
  await expect(third.getByTestId(other)).toHaveAttribute('data-status', 'done');
  expect([...errors, ...errors2]).toEqual([]);
});
