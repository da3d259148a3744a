import { expect, test } from '@playwright/test';
import { openApp, trainAndWait } from './helpers';

// Issue 13: warm start matches by structure (kind, parameters, input shape along the graph), not only by node id.
test('the Hard sharing template (d1, d2) warm-starts every layer from a 2D synthetic template run (s1, s2); badges only where something copies; a new graph drops the choice', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);
  const heads = await page.locator('[data-testid^="node-head_"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('node-'.length)));
  expect(heads.length).toBeGreaterThan(0);

  // 1. the source: the dataset's own template, whose trunk is s1, s2
  await page.getByTestId('load-template').click();
  await expect(page.getByTestId('node-s1')).toBeVisible();
  await trainAndWait(page, { backend: 'auto', steps: 60, evalEvery: 20 });
  const source = await page.locator('[data-testid^="run-row-"][data-status="done"]').first().getAttribute('data-testid');
  const sourceId = source!.slice('run-row-'.length);

  // 2. the same network from the template menu, under other ids
  await page.getByTestId('template').selectOption('hard');
  await expect(page.getByTestId('node-d1')).toBeVisible();
  await expect(page.getByTestId('node-s1')).toHaveCount(0);
  await page.getByTestId('warmstart-source').selectOption(sourceId);
  const taken = { d1: 's1', d2: 's2', ...Object.fromEntries(heads.map((h) => [h, h])) };
  for (const [node, from] of Object.entries(taken)) {
    await expect(page.getByTestId(`warmstart-node-${node}`)).toBeChecked();
    await expect(page.getByTestId(`warmstart-plan-${node}`)).toHaveAttribute('data-from', from);
    await expect(page.getByTestId(`warm-${node}`)).toBeVisible();
  }
  await expect(page.getByTestId('warmstart-plan-d1')).toContainText('← s1');

  // 3. the engine copies them all and says which node took which source node
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const report = page.getByTestId('warmstart-report');
  await expect(report).toHaveAttribute('data-copied', String(2 + heads.length));
  await expect(report).toHaveAttribute('data-entries', String(2 + heads.length));
  for (const [node, from] of Object.entries(taken)) {
    await expect(page.getByTestId(`warmstart-entry-${node}`)).toHaveAttribute('data-status', 'copied');
    await expect(page.getByTestId(`warmstart-entry-${node}`)).toHaveAttribute('data-from', from);
  }
  await expect(page.getByTestId('warmstart-entry-d2')).toContainText('d2 ← s2');

  // 4. a narrower d2: it and the heads it feeds no longer fit, so their badges go; d1 keeps its badge
  await page.getByTestId('node-d2').click();
  await page.getByTestId('param-units').fill('8');
  await expect(page.getByTestId('shape-d2')).toHaveText('→ [8]');
  await expect(page.getByTestId('warm-d1')).toBeVisible();
  await expect(page.getByTestId('warm-d2')).toHaveCount(0);
  for (const h of heads) await expect(page.getByTestId(`warm-${h}`)).toHaveCount(0);
  await expect(page.getByTestId('warmstart-plan-d2')).toHaveAttribute('data-likely', 'false');
  await expect(page.getByTestId('warmstart-unused-s2')).toBeVisible();

  // 5. a new template drops the choice (it named the old graph's nodes), and so does a dataset switch
  await page.getByTestId('template').selectOption('hard');
  await expect(page.getByTestId('warmstart-source')).toHaveValue('');
  await expect(page.locator('.react-flow [data-testid^="warm-"]')).toHaveCount(0);
  await page.getByTestId('warmstart-source').selectOption(sourceId);
  await expect(page.getByTestId('warm-d1')).toBeVisible();
  await page.getByTestId('load-template').click();
  await expect(page.getByTestId('warmstart-source')).toHaveValue('');
  await page.getByTestId('warmstart-source').selectOption(sourceId);
  await expect(page.getByTestId('warm-s1')).toBeVisible();
  // another dataset that switches on a pick (not the CSV upload, which waits for a file)
  const kinds = await page.getByTestId('dataset-kind').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const current = await page.getByTestId('dataset-kind').inputValue();
  await page.getByTestId('dataset-kind').selectOption(kinds.find((k) => k !== current && k !== 'csv')!);
  await expect(page.getByTestId('warmstart-source')).toHaveValue('');
  await expect(page.locator('.react-flow [data-testid^="warm-"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});
