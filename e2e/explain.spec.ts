/** Explanations beside each concept: a "?" disclosure per concept that opens and closes by keyboard, its formula typeset by KaTeX. */
import { expect, test } from '@playwright/test';
import { CONCEPTS, type ConceptId } from '../src/ui/common/concepts';
import { openApp, setNumber } from './helpers';

const IDS = Object.keys(CONCEPTS) as ConceptId[];

test('every concept has a "?" beside it that Enter, Escape and Space open and close, with its text and KaTeX formula', async ({ page }) => {
  const errors = await openApp(page);
  // A short run, so the live charts (with the gradient-conflict view) are on the page too.
  await setNumber(page, 'steps', 20);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  for (const id of IDS) {
    const c = CONCEPTS[id];
    const toggle = page.getByTestId(`explain-${id}-toggle`).first();
    const body = page.getByTestId(`explain-${id}-body`).first();
    await expect(toggle, id).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAccessibleName(`What is ${c.title}?`);
    await expect(body).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(body).toBeVisible();
    await expect(body).toContainText(c.text.slice(0, 40));
    if ('formula' in c) {
      const tex = page.getByTestId(`explain-${id}-tex`).first();
      await expect(tex).toHaveAttribute('data-typeset', 'katex');
      await expect(tex).toHaveAccessibleName(c.formula.text);
    }
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(body).toBeHidden();
    await page.keyboard.press('Space');
    await expect(body).toBeVisible();
    await page.keyboard.press('Space');
    await expect(body).toBeHidden();
  }
  expect(errors).toEqual([]);
});

test('the "?" is in the tab order right after the control it explains (relatedness slider → its explanation)', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('relatedness').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('explain-relatedness-toggle')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('explain-relatedness-body')).toContainText('At 1 all tasks read the same field');
  expect(errors).toEqual([]);
});

test('the Inspector says whether the selected node is shared or task-specific', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('node-d1').click();
  await expect(page.getByTestId('sharing-note')).toHaveAttribute('data-shared', '3');
  await expect(page.getByTestId('sharing-note')).toContainText('Shared by 3 tasks: Side, Zone, Height');
  await page.getByTestId('node-head_side').click();
  await expect(page.getByTestId('sharing-note')).toContainText('Task-specific: only Side depends on it');
  expect(errors).toEqual([]);
});
