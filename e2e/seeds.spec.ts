import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber } from './helpers';

/** Ids of the seed groups in the runs panel, newest first, with how many seeds finished. */
async function groups(page: Page): Promise<{ id: string; done: number; size: number; name: string }[]> {
  return page.locator('[data-testid^="group-row-"]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-testid')!.slice('group-row-'.length),
      done: Number(r.getAttribute('data-done')),
      size: Number(r.getAttribute('data-size')),
      name: r.getAttribute('data-name') ?? '',
    })),
  );
}

/** Press "Train × N seeds" and wait until the whole study (and its baselines) is done. */
async function trainSeeds(page: Page, groupsBefore: number): Promise<string> {
  await page.getByTestId('train-seeds').click();
  await expect(page.getByTestId('seeds-progress')).toContainText(/seed \d of 3/);
  await expect.poll(async () => (await groups(page)).length).toBe(groupsBefore + 1);
  await expect.poll(async () => (await groups(page))[0].done, { timeout: 60_000 }).toBe(3);
  await expect(page.getByTestId('seeds-progress')).toHaveCount(0, { timeout: 60_000 });
  return (await groups(page))[0].id;
}

const num = async (page: Page, testId: string, attr: string) => Number(await page.getByTestId(testId).getAttribute(attr));

test('Train × 3 seeds: mean ± interval per group, same-seed baselines, paired comparison with its formula, Δm% convention in the link', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await openApp(page);
  // recharts loads in its own chunk under the app's strict CSP: any refusal would show as a console error
  const consoleErrors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 80);
  await setNumber(page, 'eval-every', 40);
  await setNumber(page, 'seeds-count', 3);
  await expect(page.getByTestId('train-seeds')).toHaveText('Train × 3 seeds');

  // first configuration: equal weighting, 3 seeds, each followed by its 3 single-task baselines
  const equal = await trainSeeds(page, 0);
  expect(await page.locator('[data-testid^="run-row-"][data-kind="baseline"][data-status="done"]').count()).toBe(9);
  for (const t of ['side', 'zone', 'height']) {
    const m = page.getByTestId(`group-metric-${equal}-${t}`);
    await expect(m).toContainText('±');
    expect(await num(page, `group-metric-${equal}-${t}`, 'data-n')).toBe(3);
  }
  const d = page.getByTestId(`group-deltam-${equal}`);
  await expect(d).toContainText('±');
  expect(await num(page, `group-deltam-${equal}`, 'data-n')).toBe(3);
  expect(await num(page, `group-deltam-${equal}`, 'data-half')).toBeGreaterThan(0);

  // second configuration: PCGrad, same seeds; the baselines are reused (3 new runs only)
  await page.getByTestId('weighting').selectOption('pcgrad');
  const pcgrad = await trainSeeds(page, 1);
  expect(await page.locator('[data-testid^="run-row-"]').count()).toBe(15);

  // paired comparison: B (PCGrad) − A (equal) over seeds 42, 43, 44, paired t by default
  const paired = page.getByTestId('paired-view');
  await expect(paired).toHaveAttribute('data-groups', '2');
  await expect(page.getByTestId('paired-a')).toHaveValue(equal);
  await expect(page.getByTestId('paired-b')).toHaveValue(pcgrad);
  await expect(page.getByTestId('paired-summary')).toHaveAttribute('data-seeds', '42,43,44');
  for (const t of ['side', 'zone', 'height', 'deltam']) {
    const row = page.getByTestId(`paired-row-${t}`);
    await expect(row).toHaveAttribute('data-n', '3');
    await expect(row).toHaveAttribute('data-method', 't');
    const [lo, mean, hi] = await Promise.all(['data-lo', 'data-mean', 'data-hi'].map((a) => num(page, `paired-row-${t}`, a)));
    expect(lo).toBeLessThanOrEqual(mean);
    expect(mean).toBeLessThanOrEqual(hi);
    await expect(row).toContainText(/within seed noise|beyond seed noise/);
  }
  const tex = page.getByTestId('paired-tex');
  await expect(tex).toHaveAttribute('data-typeset', 'katex');
  await expect(tex).toHaveAttribute('aria-label', /t₀.₉₇₅,ₙ₋₁ · s_d\/√n/);
  // seed by seed: one slope per shared seed, Δm% first, then a task
  await expect(page.getByTestId('paired-slopes')).toHaveAttribute('data-seeds', '3');
  await expect(page.getByTestId('paired-slopes').locator('.recharts-line')).toHaveCount(3);
  await page.getByTestId('paired-plot').selectOption('side');
  await expect(page.getByTestId('paired-slopes')).toContainText('Side accuracy');
  await page.getByTestId('paired-method').selectOption('bootstrap');
  await expect(page.getByTestId('paired-row-side')).toHaveAttribute('data-method', 'bootstrap');
  await expect(tex).toHaveAttribute('aria-label', /resamples/);
  await expect(page.getByTestId('paired-bootstrap-warning')).toContainText('too narrow');

  // the comparison view: tick both groups → mean ± interval rows and band charts
  await page.getByTestId(`group-select-${equal}`).check();
  await page.getByTestId(`group-select-${pcgrad}`).check();
  await expect(page.getByTestId(`compare-group-row-${equal}`)).toHaveAttribute('data-done', '3');
  await expect(page.getByTestId(`compare-group-deltam-${pcgrad}`)).toContainText('±');
  await expect(page.getByTestId('band-chart-side')).toHaveAttribute('data-groups', '2');
  await expect(page.getByTestId('band-chart-side').locator('.recharts-area')).toHaveCount(2);

  // the new views pass axe-core (no serious or critical violation)
  const axe = await new AxeBuilder({ page }).include('[data-testid="seed-groups"]').include('[data-testid="paired-view"]').include('[data-testid="compare-view"]').include('[data-testid="seed-controls"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // Δm% convention: per task first (LibMTL) by default; over all metrics changes Δm% and goes into the share link
  await expect(page.getByTestId('deltam-convention')).toHaveValue('per-task');
  const perTask = await num(page, 'paired-row-deltam', 'data-mean');
  const groupPerTask = await num(page, `group-deltam-${equal}`, 'data-mean');
  await page.getByTestId('deltam-convention').selectOption('all-metrics');
  await expect(page.getByTestId('paired-convention')).toHaveAttribute('data-convention', 'all-metrics');
  await expect(page.getByTestId('paired-convention')).toContainText('over all metrics (Nash-MTL, FAMO)');
  await expect(page.getByTestId('deltam-tex')).toHaveAttribute('aria-label', /\(1\/K\)/);
  expect(await num(page, `group-deltam-${equal}`, 'data-mean')).not.toBeCloseTo(groupPerTask, 6);
  expect(await num(page, 'paired-row-deltam', 'data-mean')).not.toBeCloseTo(perTask, 6);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('deltam-convention').selectOption('per-task');
  await page.goto(url);
  await page.reload(); // the hash alone does not reload the page
  await expect(page.getByTestId('deltam-convention')).toHaveValue('all-metrics');
  // the groups survived the reload
  await expect.poll(async () => (await groups(page)).map((g) => [g.id, g.done])).toEqual([
    [pcgrad, 3],
    [equal, 3],
  ]);
  expect(errors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a study interrupted by a reload keeps its finished seeds and resumes the rest', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = await openApp(page);
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 80);
  await setNumber(page, 'eval-every', 40);
  await setNumber(page, 'seeds-count', 3);
  await page.getByTestId('train-seeds').click();
  await expect.poll(async () => (await groups(page))[0]?.done ?? 0).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(300); // the finished record reaches IndexedDB
  await page.reload();
  await expect(page.getByTestId('node-in')).toBeVisible();
  await expect.poll(async () => (await groups(page)).length).toBe(1); // loaded from IndexedDB
  const [g] = await groups(page);
  expect(g.done).toBeGreaterThanOrEqual(1);
  expect(g.done).toBeLessThan(3);
  await expect(page.getByTestId(`group-row-${g.id}`)).toContainText('unfinished');
  await page.getByTestId(`group-resume-${g.id}`).click();
  await expect(page.getByTestId('seeds-progress')).toBeVisible();
  await expect.poll(async () => (await groups(page))[0].done, { timeout: 30_000 }).toBe(3);
  expect((await groups(page)).map((x) => x.id)).toEqual([g.id]);
  await expect(page.getByTestId(`group-resume-${g.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`group-deltam-${g.id}`)).toHaveAttribute('data-n', '3');
  expect(errors).toEqual([]);
});
