import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { openApp } from './helpers';

// Names that a plain `{}` inherits from Object.prototype: as node ids they once blanked the page for good.
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

async function exportedConfig(page: Page): Promise<{ graph: { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] } }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await dl.createReadStream())!) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function renameNode<T extends Awaited<ReturnType<typeof exportedConfig>>>(cfg: T, from: string, to: string): T {
  const c = structuredClone(cfg);
  for (const n of c.graph.nodes) if (n.id === from) n.id = to;
  for (const e of c.graph.edges) {
    if (e.source === from) e.source = to;
    if (e.target === from) e.target = to;
  }
  return c;
}

test('a JSON file with a reserved node id gets a message, and the app still loads after a reload', async ({ page }) => {
  const errors = await openApp(page);
  const cfg = await exportedConfig(page);
  for (const name of RESERVED) {
    const bad = renameNode(cfg, 'd1', name);
    await page.getByTestId('import-json-file').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByTestId('banner')).toContainText('reserved name');
    await expect(page.getByTestId('node-d1')).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled();
  }
  // The autosave must not have stored anything that blanks the next start.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByTestId('node-in')).toBeVisible();
  await expect(page.getByTestId('node-d1')).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a share link with a reserved node id opens the default experiment with a message', async ({ page }) => {
  const first = await openApp(page);
  const cfg = await exportedConfig(page);
  for (const name of RESERVED) {
    const hash = `#e=v1.${LZString.compressToEncodedURIComponent(JSON.stringify(renameNode(cfg, 'd2', name)))}`;
    await page.goto('about:blank'); // a hash-only change would not reload the app
    await page.goto(`/${hash}`);
    await expect(page.getByTestId('banner')).toContainText('reserved name');
    await expect(page.getByTestId('node-d2')).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled();
  }
  await page.goto('/');
  await expect(page.getByTestId('node-in')).toBeVisible();
  expect(first).toEqual([]);
});
