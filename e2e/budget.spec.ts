import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

type Cfg = {
  tasks: { id: string; name: string; kind: string; classes: number }[];
  graph: { nodes: { id: string; kind: string; params: Record<string, unknown>; position: { x: number; y: number } }[]; edges: { id: string; source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }[] };
  optimizer: { batchSize: number; steps: number };
  backend: string;
  evalEvery: number;
};

async function exported(page: Page): Promise<Cfg> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await dl.createReadStream())!) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function importCfg(page: Page, cfg: Cfg, name: string) {
  await page.getByTestId('import-json-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cfg)) });
}

test('32 tasks × 1,000 classes are refused up front; a run stuck in one long step still answers Pause within 1 s', async ({ page }) => {
  const errors = await openApp(page);
  const base = await exported(page);

  // 32 tasks of 1,000 classes on the 2D dataset: refused before anything trains, with a message per task.
  const wide = structuredClone(base);
  const head = wide.graph.nodes.find((n) => n.kind === 'head')!;
  const trunk = wide.graph.edges.find((e) => e.target === head.id)!.source;
  wide.tasks = Array.from({ length: 32 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, kind: 'multiclass', classes: 1000 }));
  wide.graph.nodes = wide.graph.nodes.filter((n) => n.kind !== 'head').concat(wide.tasks.map((t, i) => ({ ...head, id: `h${i}`, params: { ...head.params, taskId: t.id }, position: { x: 40 * i, y: 400 } })));
  wide.graph.edges = wide.graph.edges.filter((e) => !e.target.startsWith('head_')).concat(wide.tasks.map((_, i) => ({ id: `eh${i}`, source: trunk, target: `h${i}`, sourceHandle: null, targetHandle: null })));
  wide.optimizer.batchSize = 4096;
  await importCfg(page, wide, 'wide.json');
  await expect(page.getByTestId('train')).toBeDisabled();
  await expect(page.getByTestId('train-blocked')).toContainText('Task “T0” (t0) is not a task of 2D synthetic');
  await expect(page.getByTestId('train-problems').locator('li')).toHaveCount(8 + 1); // 8 listed, then "… and 23 more"

  // A valid but heavy run: 1,024-unit layers, 1,000 classes, batch 4,096 on tfjs CPU — one step takes far more than 1 s.
  const heavy = structuredClone(base);
  for (const n of heavy.graph.nodes) if (n.kind === 'dense') n.params.units = 1024;
  heavy.tasks.find((t) => t.kind === 'multiclass')!.classes = 1000;
  heavy.optimizer.batchSize = 4096;
  heavy.optimizer.steps = 1000;
  heavy.backend = 'cpu';
  await importCfg(page, heavy, 'heavy.json');
  await expect(page.getByTestId('train')).toBeEnabled();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  // Timed inside the page (click to the status change), so the test's own round trips do not count.
  const answered = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('[data-testid="run-status"]')!;
        const t0 = performance.now();
        new MutationObserver(() => {
          if (status.getAttribute('data-status') !== 'running') resolve(performance.now() - t0);
        }).observe(status, { attributes: true });
        setTimeout(() => resolve(performance.now() - t0), 5000);
        (document.querySelector('[data-testid="pause"]') as HTMLButtonElement).click();
      }),
  );
  console.log(`Pause answered in ${Math.round(answered)} ms`);
  expect(answered).toBeLessThanOrEqual(1000);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'stopped');
  await expect(page.getByTestId('banner')).toContainText('Pause stopped the run');
  // The page is responsive and the experiment intact: Train works again.
  await expect(page.getByTestId('train')).toBeEnabled();
  expect(errors).toEqual([]);
});
