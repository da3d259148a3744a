import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, trainAndWait } from './helpers';

/** Relative luminance (WCAG) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Luminance of the pixel in the middle of the top-left 4×4 corner of a canvas (what its background was painted). */
async function canvasCorner(page: Page, testId: string): Promise<number> {
  const rgb = await page.getByTestId(testId).evaluate((c) => Array.from((c as HTMLCanvasElement).getContext('2d')!.getImageData(2, 2, 1, 1).data.slice(0, 3)));
  return luminance(`rgb(${rgb.join(',')})`);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? v.help}`));
}

// Issue 13, point 8: a dark mode that follows the system setting.
test('dark mode follows prefers-color-scheme: dark page, panels and canvases, no serious axe violation; back to light live', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  const errors = await openApp(page);
  const colours = () =>
    page.evaluate(() => ({
      // what shows behind the body: its own background, or the root's when the body has none
      body: [document.body, document.documentElement].map((e) => getComputedStyle(e).backgroundColor).find((c) => c !== 'rgba(0, 0, 0, 0)') ?? 'rgb(255, 255, 255)',
      panel: getComputedStyle(document.querySelector('.panel')!).backgroundColor,
      text: getComputedStyle(document.querySelector('.panel')!).color,
      node: getComputedStyle(document.querySelector('.mtl-node')!).backgroundColor,
    }));
  const dark = await colours();
  expect(luminance(dark.body), dark.body).toBeLessThan(0.05);
  expect(luminance(dark.panel), dark.panel).toBeLessThan(0.05);
  expect(luminance(dark.node), dark.node).toBeLessThan(0.05);
  expect(luminance(dark.text), dark.text).toBeGreaterThan(0.5);
  // the canvases read the theme: the data preview is painted on a dark plot
  await expect.poll(() => canvasCorner(page, 'preview-side')).toBeLessThan(0.05);
  expect(await seriousViolations(page), 'start page, dark').toEqual([]);
  await trainAndWait(page, { backend: 'js', steps: 60, evalEvery: 10 });
  // A message caught mid-fade has, for that moment, less contrast than it will have or had: judge the page at rest.
  await expect(page.locator('.banner.fading')).toHaveCount(0);
  expect(await seriousViolations(page), 'after a run, dark').toEqual([]);

  // the system switches to light: the page and the canvases follow without a reload
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => luminance((await colours()).panel)).toBeGreaterThan(0.9);
  await expect.poll(() => canvasCorner(page, 'preview-side')).toBeGreaterThan(0.9);
  expect(errors).toEqual([]);
});
