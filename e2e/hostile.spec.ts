import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import LZString from 'lz-string';
import { openApp, trainAndWait } from './helpers';

/** A few hundred hostile inputs in the real page (the unit fuzzers run thousands more at the codec level). */
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const hostile = fc.oneof(
  fc.constantFrom(...RESERVED, null, true, 0, -1, 1e308, '', '=1+1', '<img src=x onerror=alert(1)>'),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.array(fc.integer(), { maxLength: 3 }),
);

type Json = unknown;
function slots(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => slots(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) slots((v as Record<string, Json>)[k], [...path, k], out);
  return out;
}
function setAt(base: Json, path: (string | number)[], value: Json): Json {
  const root = JSON.parse(JSON.stringify(base)) as Json;
  if (!path.length) return value;
  let p = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) p = p[k] as Record<string | number, Json>;
  p[path[path.length - 1]] = value;
  return root;
}

async function exported(page: Page): Promise<Json> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await dl.createReadStream())!) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function mutations(base: Json, n: number, seed: number): Json[] {
  const all = slots(base);
  return fc.sample(fc.tuple(fc.nat(), hostile), { numRuns: n, seed }).map(([pick, v]) => setAt(base, all[pick % all.length], v as Json));
}

test('200 mutated JSON imports: each a message or a valid experiment, the page never breaks, Train still works', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = await openApp(page);
  const base = await exported(page);
  let accepted = 0;
  for (const [i, cfg] of mutations(base, 200, 7).entries()) {
    await page.getByTestId('import-json-file').setInputFiles({ name: `m${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cfg)) });
    const banner = page.getByTestId('banner');
    await expect(banner).toContainText(new RegExp(`m${i}\\.json`));
    const text = (await banner.textContent()) ?? '';
    if (text.includes('Could not import')) expect(text).toContain('The current experiment is unchanged');
    else accepted++;
    await expect(page.locator('.react-flow')).toBeVisible();
    await expect(page.getByTestId('panel-error')).toHaveCount(0);
    await expect(page.getByTestId('train')).toBeVisible();
  }
  expect(accepted).toBeGreaterThan(0);
  expect(accepted).toBeLessThan(200);
  // Back to a known experiment: it trains.
  await page.getByTestId('import-json-file').setInputFiles({ name: 'base.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(base)) });
  await trainAndWait(page, { backend: 'js', steps: 30, evalEvery: 10 });
  expect(errors).toEqual([]);
});

test('60 mutated share links: each opens with a message or the experiment, never a blank page', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = await openApp(page);
  const base = await exported(page);
  for (const cfg of mutations(base, 60, 11)) {
    await page.goto('about:blank');
    await page.goto(`/#e=v1.${LZString.compressToEncodedURIComponent(JSON.stringify(cfg))}`);
    await expect(page.getByTestId('banner')).toContainText(/could not be opened|Opened/);
    await expect(page.locator('.react-flow')).toBeVisible();
    await expect(page.getByTestId('panel-error')).toHaveCount(0);
  }
  await page.goto('about:blank');
  await page.goto('/');
  await trainAndWait(page, { backend: 'js', steps: 30, evalEvery: 10 });
  expect(errors).toEqual([]);
});
