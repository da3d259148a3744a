import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, trainAndWait } from './helpers';

/** Ids of the rows in the runs list, top (newest) first, with their status, kind and name. */
async function runRows(page: Page): Promise<{ id: string; status: string; kind: string; name: string }[]> {
  return page.locator('[data-testid^="run-row-"]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-testid')!.slice('run-row-'.length),
      status: r.getAttribute('data-status') ?? '',
      kind: r.getAttribute('data-kind') ?? '',
      name: r.getAttribute('data-name') ?? '',
    })),
  );
}

test('runs are kept: baselines and Δm%, comparison, Pareto front, rename, delete, and a reload mid-run', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);

  // two multi-task runs with different weightings
  await trainAndWait(page, { backend: 'auto', steps: 400, evalEvery: 20 });
  await page.getByTestId('weighting').selectOption('pcgrad');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect.poll(async () => (await runRows(page)).filter((r) => r.status === 'done').length).toBe(2);
  const [pcgrad, equal] = await runRows(page);
  expect(pcgrad.name).toMatch(/^PCGrad/);
  expect(equal.name).toMatch(/^Equal/);
  // no baselines yet: no Δm%
  await expect(page.getByTestId(`deltam-${equal.id}`)).toHaveCount(0);

  // single-task baselines, one after another
  await page.getByTestId('train-baselines').click();
  await expect.poll(async () => (await runRows(page)).filter((r) => r.kind === 'baseline' && r.status === 'done').length, { timeout: 120_000 }).toBe(3);
  await expect(page.getByTestId('baselines-progress')).toHaveCount(0);
  // Typeset by KaTeX (no raw TeX on the page); the plain formula is its accessible name.
  const tex = page.getByTestId('deltam-tex');
  await expect(tex).toHaveAttribute('data-typeset', 'katex');
  await expect(tex.locator('.katex-html')).toBeVisible();
  await expect(tex).toHaveAttribute('aria-label', /Δm% = \(1\/T\)·Σₜ \(1\/Kₜ\)·Σₖ \(−1\)\^lₜₖ/);
  await expect(page.getByTestId('deltam-formula')).not.toContainText('^{');
  for (const r of [equal, pcgrad]) {
    const d = page.getByTestId(`deltam-${r.id}`);
    await expect(d).toBeVisible();
    expect(Number.isFinite(Number(await d.getAttribute('data-value')))).toBe(true);
    await expect(d).toContainText('%');
  }

  // comparison of the two multi-task runs
  await page.getByTestId(`run-select-${equal.id}`).check();
  await page.getByTestId(`run-select-${pcgrad.id}`).check();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toHaveAttribute('data-runs', '2');
  for (const t of ['side', 'zone', 'height']) {
    await expect(page.getByTestId(`compare-chart-${t}`)).toHaveAttribute('data-runs', '2');
    await expect(page.getByTestId(`compare-canvas-${t}`)).toHaveAttribute('data-drawn-points', /^[1-9]\d*$/);
  }
  await expect(page.getByTestId(`compare-deltam-${equal.id}`)).toHaveAttribute('data-value', /\d/);
  await page.getByTestId('smoothing').fill('0.9');
  await expect(compare).toContainText('Smoothing 0.90');
  await page.getByTestId('compare-quantity').selectOption('metric');
  await expect(page.getByTestId('compare-canvas-side')).toHaveAttribute('data-drawn-points', /^[1-9]\d*$/);

  // Pareto front over the ticked runs
  const pareto = page.getByTestId('pareto-view');
  await expect(pareto).toHaveAttribute('data-points', '2');
  await page.getByTestId('pareto-task-a').selectOption('side');
  await page.getByTestId('pareto-task-b').selectOption('height');
  const front = page.getByTestId('pareto-front');
  await expect(front.locator('li')).not.toHaveCount(0);
  const names = await front.locator('li').evaluateAll((li) => li.map((x) => x.getAttribute('data-run-id')));
  for (const id of names) expect([equal.id, pcgrad.id]).toContain(id);

  // rename one run, delete a baseline
  await page.getByTestId(`run-rename-${equal.id}`).click();
  await page.getByTestId(`run-rename-input-${equal.id}`).fill('my equal run');
  await page.getByTestId(`run-rename-input-${equal.id}`).press('Enter');
  await expect(page.getByTestId(`run-name-${equal.id}`)).toHaveText('my equal run');
  await expect(front).toContainText(/my equal run|PCGrad/);
  const baseline = (await runRows(page)).find((r) => r.kind === 'baseline')!;
  await page.getByTestId(`run-delete-${baseline.id}`).click();
  await expect(page.getByTestId(`run-row-${baseline.id}`)).toHaveCount(0);
  // with one baseline gone, the Δm% of both runs needs baselines again
  await expect(page.getByTestId(`deltam-${equal.id}`)).toHaveCount(0);

  // re-open the first run: its weighting comes back into the editor
  await page.getByTestId(`run-open-${equal.id}`).click();
  await expect(page.getByTestId('weighting')).toHaveValue('equal');

  // a long run, then a reload while it trains
  await page.getByTestId('backend').selectOption('wasm');
  await setNumber(page, 'steps', 1_000_000);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  const long = (await runRows(page))[0];
  expect(long.status).toBe('running');
  await page.waitForTimeout(800); // let the experiment autosave (debounced 500 ms)
  await page.reload();
  await expect(page.getByTestId('node-in')).toBeVisible();
  await expect(page.getByTestId(`run-row-${long.id}`)).toHaveAttribute('data-status', 'interrupted');
  await expect(page.getByTestId(`run-row-${equal.id}`)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId(`run-name-${equal.id}`)).toHaveText('my equal run');
  await expect(page.getByTestId(`run-row-${pcgrad.id}`)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId(`run-row-${baseline.id}`)).toHaveCount(0);
  expect((await runRows(page)).filter((r) => r.kind === 'baseline')).toHaveLength(2);
  // the experiment being edited came back (no experiment in the URL)
  await expect(page.getByTestId('steps')).toHaveValue('1000000');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'idle');
  expect(errors).toEqual([]);
});

test('a second tab leaves the first tab’s live run alone; the run still finishes as done', async ({ page, context }) => {
  const errors = await openApp(page);
  await page.getByTestId('backend').selectOption('wasm');
  await setNumber(page, 'steps', 3000);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  const live = (await runRows(page))[0];
  await page.waitForTimeout(800); // the record reaches IndexedDB
  const second = await context.newPage();
  await openApp(second);
  // the second tab sees the run as running (not interrupted): the first tab holds its lock
  await expect(second.getByTestId(`run-row-${live.id}`)).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId(`run-row-${live.id}`)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await second.reload();
  await expect(second.getByTestId(`run-row-${live.id}`)).toHaveAttribute('data-status', 'done');
  await second.close();
  expect(errors).toEqual([]);
});
