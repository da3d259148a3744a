import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '..', process.env.OUT_DIR ?? 'dist');
/** Strings that only tfjs's code contains. */
const TFJS_MARKERS = ['tfjsflags', 'WEBGL_VERSION', 'kernelName'];

/** JS files reachable from the page by static imports (the worker is not statically imported). */
function mainThreadFiles(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const text = readFileSync(join(DIST, f), 'utf8');
    for (const m of text.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

test('the main-thread bundle contains no tfjs; the worker bundle does', () => {
  const main = mainThreadFiles();
  expect(main.length).toBeGreaterThan(0);
  for (const f of main) {
    const text = readFileSync(join(DIST, f), 'utf8');
    for (const m of TFJS_MARKERS) expect(text.includes(m), `${f} contains ${m}`).toBe(false);
  }
  const workers = readdirSync(join(DIST, 'assets')).filter((f) => f.startsWith('worker') && f.endsWith('.js'));
  expect(workers.length).toBeGreaterThan(0);
  const any = workers.some((f) => TFJS_MARKERS.every((m) => readFileSync(join(DIST, 'assets', f), 'utf8').includes(m)));
  expect(any).toBe(true);
});
