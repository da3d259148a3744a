/**
 * A stored (autosaved) experiment that fails to render: start-up shows the default experiment instead, keeps the
 * stored one (a reload falls back again) and offers it as JSON. The failure is injected with the test-only
 * __MTL_RENDER_FAULT__ global (a node of that id throws while rendering).
 */
import { expect, test, type Download } from '@playwright/test';
import { openApp } from './helpers';

async function readJson(dl: Download): Promise<{ graph: { nodes: { id: string }[]; edges: { source: string; target: string }[] } }> {
  const chunks: Buffer[] = [];
  for await (const c of (await dl.createReadStream())!) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

test('a stored experiment that fails to render falls back to the default and stays downloadable, across reloads', async ({ page }) => {
  const errors = await openApp(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const cfg = await readJson(dl);
  for (const n of cfg.graph.nodes) if (n.id === 'd1') n.id = 'broken';
  for (const e of cfg.graph.edges) {
    if (e.source === 'd1') e.source = 'broken';
    if (e.target === 'd1') e.target = 'broken';
  }
  await page.getByTestId('import-json-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cfg)) });
  await expect(page.getByTestId('node-broken')).toBeVisible();
  await page.waitForTimeout(1000); // autosaved
  await page.addInitScript(() => void ((globalThis as { __MTL_RENDER_FAULT__?: unknown }).__MTL_RENDER_FAULT__ = 'broken'));
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await expect(page.getByTestId('banner')).toContainText('saved experiment could not be shown');
    // the default experiment, not a broken panel
    await expect(page.getByTestId('node-d1')).toBeVisible();
    await expect(page.getByTestId('panel-error')).toHaveCount(0);
    await expect(page.getByTestId('train')).toBeEnabled();
    await page.waitForTimeout(1000); // an autosave would have happened by now
  }
  const [stored] = await Promise.all([page.waitForEvent('download'), page.getByTestId('banner-action').click()]);
  expect(stored.suggestedFilename()).toBe('stored-experiment.json');
  expect((await readJson(stored)).graph.nodes.map((n) => n.id)).toContain('broken');
  // an edit of the default is autosaved as usual (and is what the next start shows)
  await page.getByTestId('steps').fill('1234');
  await page.getByTestId('steps').press('Enter');
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('steps')).toHaveValue('1234');
  await expect(page.getByTestId('banner')).toHaveCount(0);
  // console errors from the injected render fault are expected; no uncaught page error
  expect(errors).toEqual([]);
});
