import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber } from './helpers';

/** Pixels of the preview canvas drawn in a saturated class colour (not the background, not the grey rings). */
async function colouredPixels(page: Page, id: string): Promise<number> {
  return page.getByTestId(`preview-${id}`).evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
    return n;
  });
}

test('a label budget of 0.05 shows the hidden labels as unlabelled in the preview', async ({ page }) => {
  const errors = await openApp(page);
  const side = page.getByTestId('preview-side');
  await expect(side).toHaveAttribute('data-unlabelled', '0');
  const full = await colouredPixels(page, 'side');
  expect(full).toBeGreaterThan(500);
  await page.getByTestId('label-controls').locator('summary').click();
  await setNumber(page, 'budget-side', 0.05);
  await expect(side).not.toHaveAttribute('data-unlabelled', '0');
  const hidden = Number(await side.getAttribute('data-unlabelled'));
  await expect(side).toHaveAttribute('aria-label', new RegExp(`; ${hidden} of \\d+ unlabelled \\(grey rings\\)$`));
  const few = await colouredPixels(page, 'side');
  // About 5 % of the points keep their colour; the rest are grey rings.
  expect(few).toBeLessThan(full * 0.2);
  expect(few).toBeGreaterThan(0);
  // The other tasks keep every label.
  await expect(page.getByTestId('preview-zone')).toHaveAttribute('data-unlabelled', '0');
  expect(errors).toEqual([]);
});
