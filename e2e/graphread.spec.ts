import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** Smallest node text on screen (computed font size × the viewport zoom), the zoom, and how the graph sits in the canvas. */
async function readability(page: Page): Promise<{ minPx: number; zoom: number; inside: boolean; wide: boolean; inputInside: boolean }> {
  return page.evaluate(() => {
    const vp = document.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrix(getComputedStyle(vp).transform).a;
    let minPx = Infinity;
    for (const el of document.querySelectorAll('.react-flow__node *, .react-flow__edge-text')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (hasText) minPx = Math.min(minPx, parseFloat(getComputedStyle(el).fontSize) * zoom);
    }
    const c = document.querySelector('[data-testid="editor-canvas"]')!.getBoundingClientRect();
    const inBox = (b: DOMRect) => b.left >= c.left - 1 && b.right <= c.right + 1 && b.top >= c.top - 1 && b.bottom <= c.bottom + 1;
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const input = document.querySelector('[data-testid="node-in"]')!.getBoundingClientRect();
    const wide = document.querySelector('[data-testid="editor-canvas"]')!.getAttribute('data-wide') === 'true';
    return { minPx, zoom, inside: boxes.every(inBox), wide, inputInside: inBox(input) };
  });
}

/** After a graph change: text ≥ 11 px, and the graph fits, or (larger than the view at that size) starts at its Input with a pan hint. */
async function expectReadable(page: Page, what: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const r = await readability(page);
        return r.minPx >= 11 && (r.inside || (r.wide && r.inputInside));
      },
      { message: what, timeout: 5000 },
    )
    .toBe(true);
  if ((await readability(page)).wide) await expect(page.getByTestId('graph-wide-hint'), what).toBeVisible();
}

// Issue 13, point 6: node text of at least 11 px at the default zoom, for every template and every dataset's graph.
test('node text is at least 11 px on screen at the default zoom of every template and dataset graph', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openApp(page);
  await expectReadable(page, 'the default experiment');
  const templates = await page.getByTestId('template').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(templates.length).toBeGreaterThan(3);
  for (const t of templates) {
    await page.getByTestId('template').selectOption(t);
    await expectReadable(page, `template ${t}`);
  }
  const kinds = await page.getByTestId('dataset-kind').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const k of kinds) {
    await page.getByTestId('dataset-kind').selectOption(k);
    // a dataset that waits for a file (CSV) keeps the graph: nothing new to fit
    if ((await page.getByTestId('load-template').count()) === 0) continue;
    await page.getByTestId('load-template').click();
    await expectReadable(page, `dataset ${k}`);
  }
  expect(errors).toEqual([]);
});

/** A screen point `off` px beside the middle of an edge's drawn path (perpendicular to it). */
async function besideEdge(page: Page, edgeId: string, off: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([id, d]) => {
      const path = document.querySelector(`[data-testid="rf__edge-${id}"] path.react-flow__edge-path`) as SVGPathElement;
      const L = path.getTotalLength();
      const m = path.getScreenCTM()!;
      const at = (l: number) => new DOMPoint(path.getPointAtLength(l).x, path.getPointAtLength(l).y).matrixTransform(m);
      const a = at(L / 2 - 2);
      const b = at(L / 2 + 2);
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const mid = at(L / 2);
      return { x: mid.x - ((b.y - a.y) / len) * d, y: mid.y + ((b.x - a.x) / len) * d };
    },
    [edgeId, off] as const,
  );
}

// Issue 13, point 6: edges easy to pick, with a visible hover and selected state.
test('an edge is picked 10 px beside its line, and shows hover and selection', async ({ page }) => {
  const errors = await openApp(page);
  const edge = page.getByTestId('rf__edge-e_d1_d2');
  await expect(edge).toHaveCount(1);
  await page.waitForTimeout(300); // the first fit
  const drawn = edge.locator('path.react-flow__edge-path');
  const width = () => drawn.evaluate((p) => parseFloat(getComputedStyle(p).strokeWidth));
  const resting = await width();
  const p = await besideEdge(page, 'e_d1_d2', 10);
  await page.mouse.move(p.x, p.y);
  await expect.poll(width).toBeGreaterThanOrEqual(3);
  expect(resting).toBeLessThan(3);
  await page.mouse.click(p.x, p.y);
  await expect(edge).toHaveClass(/selected/);
  // selected stays marked when the pointer leaves
  await page.mouse.move(5, 5);
  await expect.poll(width).toBeGreaterThanOrEqual(3);
  // and Delete removes the picked edge (an undoable edit)
  await page.keyboard.press('Delete');
  await expect(edge).toHaveCount(0);
  expect(errors).toEqual([]);
});

// Issue 13, point 6: keyboard access to the palette.
test('the palette by keyboard: one Tab stop, arrows move, Enter and Space add the node, focus is visible', async ({ page }) => {
  const errors = await openApp(page);
  const items = page.locator('button.palette-item');
  const kinds = await items.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')!.slice('palette-'.length)));
  expect(kinds.length).toBeGreaterThan(3);
  const nodes = page.locator('.react-flow__node');
  const before = await nodes.count();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  await page.getByTestId('template').focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe(`palette-${kinds[0]}`);
  const ring = await items.first().evaluate((b) => ({ style: getComputedStyle(b).outlineStyle, width: parseFloat(getComputedStyle(b).outlineWidth) }));
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);

  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe(`palette-${kinds[1]}`);
  await page.keyboard.press('Enter');
  await expect(nodes).toHaveCount(before + 1);
  await expect(page.locator(`.react-flow__node [data-kind="${kinds[1]}"]`).first()).toBeVisible();
  await expect(page.getByTestId('palette-status')).toContainText('Added');
  expect(await focused()).toBe(`palette-${kinds[1]}`);

  await page.keyboard.press('End');
  expect(await focused()).toBe(`palette-${kinds[kinds.length - 1]}`);
  await page.keyboard.press('Space');
  await expect(nodes).toHaveCount(before + 2);
  await page.keyboard.press('ArrowDown'); // wraps to the first
  expect(await focused()).toBe(`palette-${kinds[0]}`);
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toBe(`palette-${kinds[kinds.length - 1]}`);

  // one tab stop: Tab leaves the list, Shift+Tab comes back to the item last used
  await page.keyboard.press('Tab');
  expect(await focused()).not.toMatch(/^palette-/);
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe(`palette-${kinds[kinds.length - 1]}`);
  expect(errors).toEqual([]);
});
