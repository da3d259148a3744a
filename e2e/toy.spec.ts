import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** Pixels of a canvas exactly of colour `hex` (the core of a drawn trajectory; antialiased edges differ). */
async function countColour(page: Page, testId: string, hex: string): Promise<number> {
  return page.getByTestId(testId).evaluate((c, h) => {
    const cv = c as HTMLCanvasElement;
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++;
    return n;
  }, hex);
}

/** The trajectory colour the view gives a strategy (its legend label's colour). */
async function colourOf(page: Page, id: string): Promise<string> {
  const rgb = await page.getByTestId(`toy-pick-${id}`).locator('..').evaluate((l) => getComputedStyle(l).color);
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

const startOf = async (page: Page) => (await page.getByTestId('toy-start').textContent())!.match(/\((-?[\d.]+), (-?[\d.]+)\)/)!.slice(1).map(Number);

test('toy landscape: two strategies draw their paths on both plots; a click on the contours restarts them there', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('toy-panel').locator('summary').click();
  await expect(page.getByTestId('toy-plane')).toBeVisible();
  await page.getByTestId('toy-steps').selectOption('1000');
  const picks = ['equal', 'cagrad'];
  const colours = await Promise.all(picks.map((id) => colourOf(page, id)));
  for (const [i, id] of picks.entries()) {
    expect(await countColour(page, 'toy-plane', colours[i]), `${id} before`).toBe(0);
    expect(await countColour(page, 'toy-losses', colours[i]), `${id} before`).toBe(0);
  }
  for (const id of picks) await page.getByTestId(`toy-pick-${id}`).check();
  for (const id of picks) await expect(page.getByTestId(`toy-status-${id}`)).toHaveAttribute('data-steps', '1000');
  for (const [i, id] of picks.entries()) {
    expect(await countColour(page, 'toy-plane', colours[i]), `${id} on the contours`).toBeGreaterThan(40);
    expect(await countColour(page, 'toy-losses', colours[i]), `${id} in loss space`).toBeGreaterThan(40);
  }
  expect(await startOf(page)).toEqual([-8.5, 7.5]);
  const before = await page.getByTestId('toy-status-equal').textContent();

  // click at 3/4 across, 1/4 down: x ≈ (5, 5)
  const box = (await page.getByTestId('toy-plane').boundingBox())!;
  await page.getByTestId('toy-plane').click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  const [x1, x2] = await startOf(page);
  expect(Math.abs(x1 - 5)).toBeLessThan(0.2);
  expect(Math.abs(x2 - 5)).toBeLessThan(0.2);
  for (const id of picks) await expect(page.getByTestId(`toy-status-${id}`)).toHaveAttribute('data-steps', '1000');
  expect(await page.getByTestId('toy-status-equal').textContent()).not.toBe(before);
  // the filled start dot sits where the click was
  const dot = await page.getByTestId('toy-plane').evaluate((c) => Array.from((c as HTMLCanvasElement).getContext('2d')!.getImageData(255, 85, 1, 1).data.slice(0, 3)));
  expect(dot).toEqual([17, 17, 17]);
  // a strategy's own param restarts just that run: CAGrad at c = 0.9 ends elsewhere; equal's run is untouched
  const cells = (id: string) => page.getByTestId(`toy-status-${id}`).locator('td').nth(2);
  const [eq, ca] = [await cells('equal').textContent(), await cells('cagrad').textContent()];
  await page.getByTestId('toy-param-cagrad-c').fill('0.9');
  await expect(page.getByTestId('toy-param-cagrad-c')).toHaveValue('0.9'); // rendered: the new run exists from here on
  await expect(page.getByTestId('toy-status-cagrad')).toHaveAttribute('data-steps', '1000');
  expect(await cells('cagrad').textContent()).not.toBe(ca);
  expect(await cells('equal').textContent()).toBe(eq);
  // a standard start button moves it back
  await page.getByTestId('toy-start-2').click();
  expect(await startOf(page)).toEqual([9, 9]);
  expect(errors).toEqual([]);
});
