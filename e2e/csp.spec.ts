import { expect, test } from '@playwright/test';
import { openApp, trainAndWait } from './helpers';

test('the built app runs under a strict CSP and requests nothing beyond its own origin', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toMatch(/'unsafe-eval'|'unsafe-inline'[^;]*;?\s*script/);
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /connect-src 'self'/);

  const errors = await openApp(page);
  await page.evaluate(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // Every engine and backend starts and trains under the policy (WebGPU and WebGL run on SwiftShader here).
  // The label proves the chosen backend ran: a blocked one would fall back to the next.
  for (const backend of ['js', 'wasm', 'cpu', 'webgl', 'webgpu']) {
    await trainAndWait(page, { backend, steps: backend === 'webgpu' ? 10 : 30, evalEvery: 10, timeout: 120_000 });
    await expect(page.getByTestId('active-backend')).toHaveText(backend);
  }
  // Lazily loaded data: the MNIST pack (fetched) and the penguins chunk (imported).
  for (const kind of ['multimnist', 'penguins']) {
    await page.getByTestId('dataset-kind').selectOption(kind);
    await expect(page.getByTestId(kind === 'multimnist' ? 'preview-digits' : 'preview-table')).toBeVisible({ timeout: 60_000 });
  }
  const pageViolations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(pageViolations).toEqual([]);
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
