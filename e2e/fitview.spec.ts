import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/**
 * How the graph sits in the canvas: every node inside it, the share of the canvas the graph spans, and, for a graph
 * larger than the view at a readable zoom (data-wide, see graphread.spec.ts), whether its Input is inside.
 */
async function fit(page: Page): Promise<{ inside: boolean; span: number; wide: boolean; inputInside: boolean }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="editor-canvas"]')!;
    const c = canvas.getBoundingClientRect();
    const inBox = (b: DOMRect) => b.left >= c.left - 1 && b.right <= c.right + 1 && b.top >= c.top - 1 && b.bottom <= c.bottom + 1;
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const inside = boxes.every(inBox);
    const wide = canvas.getAttribute('data-wide') === 'true';
    const inputInside = inBox(document.querySelector('[data-testid="node-in"]')!.getBoundingClientRect());
    const w = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
    const h = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    return { inside, span: Math.max(w / c.width, h / c.height), wide, inputInside };
  });
}

// A graph that fits at a readable zoom fills the view; a larger one (LeNet) starts at its Input at that zoom, spilling past the edge.
test('switching dataset fits the new graph in view: nothing off the edge, nothing tiny', async ({ page }) => {
  const errors = await openApp(page);
  for (const kind of ['multimnist', 'penguins', 'sequences', 'synthetic2d']) {
    await page.getByTestId('dataset-kind').selectOption(kind);
    await expect(page.getByTestId('node-in')).toBeVisible();
    await expect.poll(async () => { const f = await fit(page); return f.wide ? f.inputInside && f.span > 1 : f.inside && f.span > 0.6; }, { message: kind, timeout: 5000 }).toBe(true);
  }
  expect(errors).toEqual([]);
});
