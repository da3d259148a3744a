import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber } from './helpers';

/** Facts about a downloaded PNG, decoded in the page: size, distinct colours, and which rows hold a colour near `rgb`. */
async function inspectPng(page: Page, bytes: Buffer, near: [number, number, number][]): Promise<{ width: number; height: number; colours: number; rows: number[][] }> {
  return page.evaluate(
    async ([b64, targets]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      const rows = targets.map(() => [] as number[]);
      for (let y = 0; y < c.height; y++)
        for (let x = 0; x < c.width; x++) {
          const k = 4 * (y * c.width + x);
          seen.add((d[k] << 16) | (d[k + 1] << 8) | d[k + 2]);
          targets.forEach(([r, g, bl], i) => {
            if (Math.abs(d[k] - r) + Math.abs(d[k + 1] - g) + Math.abs(d[k + 2] - bl) < 30 && rows[i].at(-1) !== y) rows[i].push(y);
          });
        }
      return { width: c.width, height: c.height, colours: seen.size, rows };
    },
    [bytes.toString('base64'), near] as const,
  );
}

async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), body: readFileSync((await dl.path())!) };
}

const BLUE: [number, number, number] = [47, 111, 222]; // '#2f6fde': train loss, and the first compared run
const ORANGE: [number, number, number] = [240, 136, 62]; // '#f0883e': val loss, and the second run
const RED: [number, number, number] = [209, 69, 59]; // the Pareto front

// Issue 13, point 8: the analysis charts with recharts (legend, tooltip, axis names); PNGs with title, legend and axis names.
test('comparison, Pareto and robustness are recharts charts with axis names, legends and tooltips; PNG exports are titled, large and carry the legend', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await openApp(page);
  await page.getByTestId('backend').selectOption('js');
  await setNumber(page, 'steps', 200);
  await setNumber(page, 'eval-every', 20);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  // the live curve chart's PNG: ≥ 800 px wide, a title band above the plot, the legend's colours below it
  const live = await download(page, 'png-canvas-side');
  expect(live.name).toMatch(/\.png$/);
  const p = await inspectPng(page, live.body, [BLUE, ORANGE]);
  expect(p.width).toBeGreaterThanOrEqual(800);
  expect(p.height).toBeGreaterThanOrEqual(300);
  expect(p.colours).toBeGreaterThan(20); // not blank
  // the legend swatches sit below the plot: both colours appear in the bottom 60 px
  for (const rows of p.rows) expect(rows.some((y) => y > p.height - 60), 'legend swatch').toBe(true);

  await setNumber(page, 'lr', 0.03);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const boxes = page.locator('[data-testid^="run-select-"]');
  await expect(boxes).toHaveCount(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();

  for (const id of ['compare-canvas-side', 'robustness-canvas-side']) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('.recharts-wrapper')).toBeVisible();
    await expect(chart.locator('.recharts-legend-item')).toHaveCount(2);
    await expect(chart.locator('.recharts-label').first()).not.toBeEmpty();
    // a tooltip on hover, naming the x
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.locator('.recharts-wrapper').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await expect(chart.locator('.recharts-tooltip-wrapper')).toContainText(id.startsWith('compare') ? 'step' : 'ε');
  }
  await expect(page.getByTestId('compare-canvas-side').locator('.recharts-label')).toContainText(['step']);
  await expect(page.getByTestId('robustness-canvas-side').locator('.recharts-label')).toContainText(['FGSM strength ε']);

  const pareto = page.getByTestId('pareto-plot');
  await expect(pareto.locator('.recharts-wrapper')).toBeVisible();
  await expect(pareto.locator('[data-testid^="pareto-point-"]')).toHaveCount(2);
  await expect(pareto.locator('.recharts-legend-item')).toHaveCount(2);

  // an SVG chart's PNG (recharts): large, not blank, the legend swatch below the plot
  for (const id of ['png-pareto', 'png-compare-canvas-side']) {
    const png = await download(page, id);
    const q = await inspectPng(page, png.body, [id === 'png-pareto' ? RED : BLUE]);
    expect(q.width, id).toBeGreaterThanOrEqual(800);
    expect(q.colours, id).toBeGreaterThan(20);
    expect(q.rows[0].some((y) => y > q.height - 60), `${id} legend`).toBe(true);
  }
  expect(errors).toEqual([]);
});
