/** Lessons: every lesson link in the Lessons menu opens its experiment, hides its controls, walks step by step, trains; Close shows everything. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HIDE_TARGETS, type HideKey } from '../src/model/lessons/hide';
import { openApp, setNumber } from './helpers';

const HIDE_KEYS = Object.keys(HIDE_TARGETS) as HideKey[];

/** The lessons as the built app lists them: id and href of each link in the Lessons menu. */
async function listedLessons(page: Page): Promise<{ id: string; href: string }[]> {
  await page.getByTestId('lessons-button').click();
  const links = page.locator('[data-testid^="lesson-link-"]');
  await expect(links.first()).toBeVisible();
  const out = await links.evaluateAll((as) => as.map((a) => ({ id: a.getAttribute('data-lesson') ?? '', href: a.getAttribute('href') ?? '' })));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lessons-list')).toBeHidden();
  return out;
}

test('the Lessons menu lists at least six lessons, each an ordinary share link (#e=…)', async ({ page }) => {
  const errors = await openApp(page);
  const lessons = await listedLessons(page);
  expect(lessons.length).toBeGreaterThanOrEqual(6);
  expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  for (const l of lessons) expect(l.href).toMatch(/^#e=v1\./);
  expect(errors).toEqual([]);
});

test('each lesson link opens its lesson: hidden controls are absent, Next/Back walk the steps, Train works, Close shows everything', async ({ page }) => {
  test.setTimeout(900_000);
  const errors = await openApp(page);
  const lessons = await listedLessons(page);
  for (const { id } of lessons) {
    await page.getByTestId('lessons-button').click();
    await page.getByTestId(`lesson-link-${id}`).click();
    const panel = page.getByTestId('lesson-panel');
    await expect(panel).toHaveAttribute('data-lesson', id);
    await expect(panel).toHaveAttribute('data-step', '0');
    // The panel names what it hides; each of those controls is gone, the others are still there.
    const hidden = ((await panel.getAttribute('data-hide')) ?? '').split(' ').filter(Boolean) as HideKey[];
    expect(hidden.length, id).toBeGreaterThan(0);
    for (const k of HIDE_KEYS) {
      const control = page.getByTestId(HIDE_TARGETS[k].testId);
      if (hidden.includes(k)) await expect(control, `${id} hides ${k}`).toHaveCount(0);
      else await expect(control.first(), `${id} shows ${k}`).toBeAttached();
    }
    // Next walks to the last step (then it is disabled); Back goes one step back.
    const count = await page.getByTestId('lesson-count').textContent();
    const total = Number(/of (\d+)/.exec(count ?? '')?.[1]);
    expect(total, id).toBeGreaterThanOrEqual(3);
    const texts = new Set<string>();
    for (let i = 0; i < total; i++) {
      await expect(page.getByTestId('lesson-count')).toHaveText(`Step ${i + 1} of ${total}`);
      texts.add((await page.getByTestId('lesson-step-text').textContent()) ?? '');
      if (i < total - 1) await page.getByTestId('lesson-next').click();
    }
    expect(texts.size, `${id}: every step says something new`).toBe(total);
    await expect(page.getByTestId('lesson-next')).toBeDisabled();
    await page.getByTestId('lesson-back').click();
    await expect(panel).toHaveAttribute('data-step', String(total - 2));
    // The lesson's experiment trains (briefly); a "trained" check of the first step that has one then ticks.
    await setNumber(page, 'steps', 30);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
    await expect(panel).toHaveAttribute('data-lesson', id);
  }
  // Close: the lesson leaves the experiment and every control is back.
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  for (const k of HIDE_KEYS) await expect(page.getByTestId(HIDE_TARGETS[k].testId).first(), k).toBeAttached();
  expect(errors).toEqual([]);
});

test('a lesson step ticks once done: the hard-sharing lesson’s "Press Train" step shows ✓ after a run; a reload keeps the lesson and its step', async ({ page }) => {
  const errors = await openApp(page);
  await listedLessons(page);
  await page.getByTestId('lessons-button').click();
  await page.getByTestId('lesson-link-hard-sharing').click();
  await page.getByTestId('lesson-next').click();
  const check = page.getByTestId('lesson-check');
  await expect(check).toHaveAttribute('data-done', 'false');
  await expect(check).toContainText('○');
  await setNumber(page, 'steps', 30);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(check).toHaveAttribute('data-done', 'true');
  await expect(check).toContainText('✓');
  // The link survives a reload (it is autosaved with the experiment): the lesson and its hidden controls come back.
  await page.reload();
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', 'hard-sharing');
  await expect(page.getByTestId(HIDE_TARGETS.strategy.testId)).toHaveCount(0);
  // …at the step it was on, still ticked (the run is kept too).
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true');
  expect(errors).toEqual([]);
});

test('axe-core finds no serious or critical violation with the Lessons menu open, a lesson guide and an explanation open', async ({ page }) => {
  const errors = await openApp(page);
  const axe = async () => {
    const res = await new AxeBuilder({ page }).analyze();
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')}`));
  };
  await page.getByTestId('lessons-button').click();
  await expect(page.getByTestId('lessons-list')).toBeVisible();
  expect(await axe(), 'menu open').toEqual([]);
  await page.locator('[data-testid^="lesson-link-"]').first().click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await page.getByTestId('explain-sharing-toggle').click();
  await expect(page.getByTestId('explain-sharing-body')).toBeVisible();
  expect(await axe(), 'lesson open').toEqual([]);
  expect(errors).toEqual([]);
});
