import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, trainAndWait } from './helpers';

/** The inspector's table as numbers, row by row (data-value holds the full-precision value). */
async function tableValues(page: Page): Promise<number[][]> {
  const rows = page.getByTestId('inspection-table').locator('tbody tr');
  const out: number[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td');
    const row: number[] = [];
    for (let j = 0; j < (await cells.count()); j++) row.push(Number(await cells.nth(j).getAttribute('data-value')));
    out.push(row);
  }
  return out;
}

test('the cross-stitch mixing matrix is shown live while training and after', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await openApp(page);
  await page.getByTestId('template').selectOption('crossstitch');
  await page.getByTestId('node-crossstitch').click();
  await expect(page.getByTestId('inspection')).toHaveCount(0); // nothing before a run

  await page.getByTestId('backend').selectOption('wasm');
  await setNumber(page, 'steps', 3000);
  await setNumber(page, 'eval-every', 20);
  await page.getByTestId('train').click();
  // while the run goes on, the table is there and says it is live
  await expect(page.getByTestId('inspection')).toContainText('live', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });

  const box = page.getByTestId('inspection');
  await expect(box).toContainText('Mixing matrix α');
  await expect(box).not.toContainText('live');
  await expect(box).toContainText('step 3000');
  const a = await tableValues(page);
  expect(a.length).toBe(3);
  for (const row of a) expect(row.length).toBe(3);
  // a learned matrix: numbers shown to two decimals, moved away from the 0.9 / 0.05 start
  await expect(page.getByTestId('inspection-table').locator('td').first()).toHaveText(/^-?\d+\.\d\d$/);
  expect(a.flat().some((v, i) => Math.abs(v - (i % 4 === 0 ? 0.9 : 0.05)) > 1e-3)).toBe(true);
  // a dense layer has nothing to inspect
  await page.getByTestId('node-a_side').click();
  await expect(page.getByTestId('inspection')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('MMoE shows each task’s mean gate weight per expert; rows sum to 1 (Auto: the JS engine)', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openApp(page);
  await page.getByTestId('template').selectOption('mmoe');
  await trainAndWait(page, { backend: 'auto', steps: 300, evalEvery: 20 });
  await expect(page.getByTestId('active-backend')).toHaveText('js');
  await page.getByTestId('node-mmoe').click();
  const box = page.getByTestId('inspection');
  await expect(box).toContainText('Mean gate weight per expert');
  await expect(box).toContainText('averaged over validation rows');
  await expect(box.locator('thead th')).toHaveText(['', 'E1', 'E2', 'E3', 'E4']);
  await expect(box.locator('tbody th')).toHaveText(['Side', 'Zone', 'Height']);
  const g = await tableValues(page);
  expect(g.length).toBe(3);
  for (const row of g) {
    expect(row.length).toBe(4);
    expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
  }
  expect(errors).toEqual([]);
});
