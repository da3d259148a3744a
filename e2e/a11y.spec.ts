import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp, trainAndWait } from './helpers';

/** Serious and critical axe-core violations as "rule: target" lines (empty = pass). */
async function violations(page: import('@playwright/test').Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? v.help}`));
}

test('axe-core finds no serious or critical violation on the main views', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  expect(await violations(page), 'start page').toEqual([]);
  await trainAndWait(page, { backend: 'js', steps: 60, evalEvery: 10 });
  expect(await violations(page), 'after a run').toEqual([]);
});
