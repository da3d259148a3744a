import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** Each arm's per-value mean and 95 % bounds of Δm%, read from the study table (arm 0 = hard sharing). */
async function cells(page: Page, arm: number, values: number): Promise<{ mean: number; lo: number; hi: number; n: number }[]> {
  const out = [];
  for (let v = 0; v < values; v++) {
    const c = page.getByTestId(`study-cell-${arm}-${v}`);
    out.push({ mean: Number(await c.getAttribute('data-mean')), lo: Number(await c.getAttribute('data-lo')), hi: Number(await c.getAttribute('data-hi')), n: Number(await c.getAttribute('data-n')) });
  }
  return out;
}

/** Least-squares slope of y on x and its standard error. */
function slope(points: [number, number][]): { b: number; se: number } {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const b = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx;
  const res = points.reduce((a, p) => a + (p[1] - my - b * (p[0] - mx)) ** 2, 0) / (n - 2);
  return { b, se: Math.sqrt(res / sxx) };
}

test('Does sharing help? runs 6 relatedness values × 3 arms × 5 seeds in under 60 s, and hard sharing’s Δm% rises with relatedness', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await openApp(page);
  const t0 = Date.now();
  await page.getByTestId('study-showcase').click();
  await expect(page.getByTestId('study-progress')).toBeVisible();
  const total = Number(await page.getByTestId('study-progress').getAttribute('data-total'));
  // 6 × 3 × 5 runs and, per value and seed, one baseline per task (3 tasks)
  expect(total).toBe(6 * 3 * 5 + 6 * 5 * 3);
  await expect(page.getByTestId('study-progress')).toHaveCount(0, { timeout: 170_000 });
  const wall = (Date.now() - t0) / 1000;
  console.log(`showcase wall time: ${wall.toFixed(1)} s`);
  await expect(page.getByTestId('study-results')).toHaveAttribute('data-done', String(total));
  await expect(page.getByTestId('study-chart')).toBeVisible();
  const hard = await cells(page, 0, 6);
  console.log('hard sharing Δm%:', hard.map((c) => `${c.mean.toFixed(1)} [${c.lo.toFixed(1)}, ${c.hi.toFixed(1)}]`).join('  '));
  for (const c of hard) expect(c.n).toBe(5);
  // The seeded effect: a positive slope of Δm% on relatedness (over the 30 value-seed means' cells), beyond twice its
  // standard error, and Δm% at relatedness 1 above Δm% at 0.
  const fit = slope(hard.map((c, v) => [v / 5, c.mean]));
  console.log(`slope ${fit.b.toFixed(1)} ± ${fit.se.toFixed(1)} Δm% per unit relatedness`);
  expect(fit.b).toBeGreaterThan(2 * fit.se);
  expect(hard[5].mean).toBeGreaterThan(hard[0].mean);
  expect(wall).toBeLessThan(60);
  expect(errors).toEqual([]);
});
