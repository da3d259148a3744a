import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { curve, openApp, setNumber, trainAndWait } from './helpers';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

async function expectCurves(page: Page, taskIds: string[]): Promise<void> {
  for (const t of taskIds) {
    const c = await curve(page, t);
    expect(c.points, t).toBeGreaterThanOrEqual(2);
    expect(Number.isFinite(c.last), t).toBe(true);
  }
}

/** Per-dataset extras; every dataset in the menu (the registry) is tried, with these checks where given. */
const SPECIFIC: Record<string, { preview?: string; tasks?: string[]; steps?: number; setup?: (page: Page) => Promise<void> }> = {
  penguins: { preview: 'preview-table', tasks: ['species', 'sex', 'island'], steps: 60 },
  sequences: { preview: 'preview-tokens', tasks: ['motif', 'more_a', 'rising'], steps: 20 },
  multimnist: {
    preview: 'preview-digits',
    tasks: ['left', 'right'],
    steps: 20,
    setup: async (page) => {
      await setNumber(page, 'n-train', 300);
      await setNumber(page, 'n-val', 100);
    },
  },
  synthetic2d: { preview: 'split-hint', tasks: ['side', 'zone', 'height'], steps: 60 },
  mmoesynth: { preview: 'preview-mmoe', tasks: ['task_a', 'task_b'], steps: 40 },
  gradnormtoy: { preview: 'preview-gradnorm', tasks: ['t1', 't2', 't3', 't4'], steps: 40 },
};

/** The dataset menu's entries: the app's registry as the page sees it. */
async function menu(page: Page): Promise<{ kind: string; label: string }[]> {
  return page.getByTestId('dataset-kind').locator('option').evaluateAll((os) => os.map((o) => ({ kind: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
}

test('each dataset loads its template, previews and trains', async ({ page }) => {
  test.setTimeout(400_000);
  const errors = await openApp(page);
  const datasets = await menu(page);
  expect(datasets.map((d) => d.kind)).toEqual(expect.arrayContaining(Object.keys(SPECIFIC)));
  let trained = 0;
  for (const { kind, label } of datasets) {
    const c = SPECIFIC[kind] ?? {};
    await page.getByTestId('dataset-kind').selectOption(kind);
    await expect(page.locator('.dataset-panel h3')).toHaveText(`Data · ${label}`);
    // A dataset that switches only from its own controls (a CSV: on upload) has its own tests below.
    if ((await page.getByTestId('load-template').count()) === 0) continue;
    await c.setup?.(page);
    await expect(page.getByTestId(c.preview ?? 'split-hint')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('split-hint')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('load-template').click();
    const tasks = (await page.locator('[data-testid^="budget-"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid')!))).map((id) => id.slice('budget-'.length));
    if (c.tasks) expect(tasks, kind).toEqual(c.tasks);
    expect(tasks.length, kind).toBeGreaterThan(0);
    for (const t of tasks) await expect(page.getByTestId(`node-head_${t}`)).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled();
    await trainAndWait(page, { backend: 'auto', steps: c.steps ?? 20, evalEvery: 10, timeout: 240_000 });
    await expectCurves(page, tasks);
    trained++;
  }
  expect(trained).toBeGreaterThanOrEqual(Object.keys(SPECIFIC).length);
  // MultiMNIST preview shows both labels under each image
  await page.getByTestId('dataset-kind').selectOption('multimnist');
  await expect(page.getByTestId('preview-digits').locator('figcaption').first()).toHaveText(/^\d · \d$/, { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('picking MultiMNIST sets its paper’s recipe in the controls; back to the 2D data restores the defaults', async ({ page }) => {
  const errors = await openApp(page);
  const values = async () => Object.fromEntries(await Promise.all(['optimizer', 'lr', 'batch', 'steps', 'eval-every'].map(async (id) => [id, await page.getByTestId(id).inputValue()])));
  const before = await values();
  await page.getByTestId('dataset-kind').selectOption('multimnist');
  await expect(page.getByTestId('n-train')).toHaveValue('20000');
  expect(await values()).toEqual({ optimizer: 'adam', lr: '0.001', batch: '256', steps: '780', 'eval-every': '78' });
  await page.getByTestId('dataset-kind').selectOption('synthetic2d');
  await expect(page.getByTestId('relatedness')).toBeVisible();
  expect(await values()).toEqual(before);
  expect(errors).toEqual([]);
});

test('upload a CSV, pick targets and train; a label budget masks rows', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('dataset-kind').selectOption('csv');
  await page.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'small.csv'));
  await expect(page.getByTestId('csv-columns')).toBeVisible();
  // inferred: the last column (numeric, many values) is a regression target; numeric columns are inputs
  await expect(page.getByTestId('csv-target-score')).toHaveValue('regression');
  await page.getByTestId('csv-target-colour').selectOption('multiclass');
  await expect(page.getByTestId('node-head_c0_colour')).toBeVisible();
  await expect(page.getByTestId('node-head_c1_score')).toBeVisible();
  await expect(page.getByTestId('preview-table')).toContainText('1 masked'); // the empty score cell
  await trainAndWait(page, { backend: 'auto', steps: 100, evalEvery: 10 });
  await expectCurves(page, ['c0_colour', 'c1_score']);
  // the link keeps the column choices, not the data
  expect(decodeURIComponent(page.url())).not.toContain('green');
  // a label budget of 0.5 leaves exactly half of the 60 training labels
  await page.getByTestId('label-controls').locator('summary').click();
  await setNumber(page, 'budget-c0_colour', 0.5);
  await expect(page.getByTestId('preview-table')).toContainText('30 labelled, 30 masked');
  await trainAndWait(page, { backend: 'auto', steps: 50, evalEvery: 10 });
  await expectCurves(page, ['c0_colour', 'c1_score']);
  expect(errors).toEqual([]);
});

test('a non-number in a numeric column is named by row and column; the column is not offered as an input', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('dataset-kind').selectOption('csv');
  await page.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'typo.csv'));
  await expect(page.getByTestId('csv-warning')).toContainText('typo.csv: row 5, column "x2": "abc" is not a number');
  await expect(page.getByTestId('csv-columns')).toBeVisible();
  await expect(page.getByTestId('csv-input-x2')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a broken CSV shows a message naming the row and keeps the experiment', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('dataset-kind').selectOption('csv');
  await page.getByTestId('csv-file').setInputFiles(resolve(FIXTURES, 'broken.csv'));
  await expect(page.getByTestId('csv-error')).toContainText('broken.csv: row 4 has 2 fields but the header has 3 (column "colour" is missing)');
  for (const t of ['side', 'zone', 'height']) await expect(page.getByTestId(`node-head_${t}`)).toBeVisible();
  await page.getByTestId('dataset-kind').selectOption('synthetic2d');
  await expect(page.getByTestId('relatedness')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the papers’ synthetic sets: MMoE’s p moves the label correlation; GradNorm’s task count rebuilds the heads', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('dataset-kind').selectOption('mmoesynth');
  await expect(page.getByTestId('node-mmoe')).toBeVisible();
  const corr = async () => Number((await page.getByTestId('preview-mmoe').locator('figcaption').textContent())!.match(/correlation (-?[\d.]+)/)![1]);
  await page.getByTestId('mmoe-p').fill('0.9');
  await expect(page.getByTestId('mmoe-p-value')).toHaveText('0.90');
  await expect.poll(corr).toBeGreaterThan(0.6);
  await page.getByTestId('mmoe-p').fill('-0.9');
  await expect.poll(corr).toBeLessThan(-0.6);

  await page.getByTestId('dataset-kind').selectOption('gradnormtoy');
  for (const t of ['t1', 't2', 't3', 't4']) await expect(page.getByTestId(`node-head_${t}`)).toBeVisible();
  // the preview measures each task's spread: the last (σ 30) about 30× the first
  const ratio = Number(await page.getByTestId('preview-gradnorm').locator('tbody tr').last().locator('td').last().textContent());
  expect(ratio).toBeGreaterThan(20);
  expect(ratio).toBeLessThan(40);
  await setNumber(page, 'gradnorm-tasks', 2);
  await expect(page.getByTestId('node-head_t3')).toHaveCount(0);
  for (const t of ['t1', 't2']) await expect(page.getByTestId(`node-head_${t}`)).toBeVisible();
  expect(errors).toEqual([]);
});
