/**
 * The README's method table is generated from the strategy specs: this test fails when it is stale (then run
 * `UPDATE_README=1 npx vitest run src/strategies/table.test.ts`), and checks each spec's cost class against its facts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGY_COSTS, WEIGHTINGS, type WeightingSpec } from '../model/weighting';

const README = join(import.meta.dirname, '..', '..', 'README.md');
const BEGIN = '<!-- method-table:begin (generated from src/strategies/*/spec.ts by src/strategies/table.test.ts) -->\n';
const END = '<!-- method-table:end -->';

/** Whether a spec offers solving on the shared representation (its `on` select has that option). */
const onRepresentation = (w: WeightingSpec) => w.params.some((p) => p.key === 'on' && p.type === 'select' && p.options.includes('representation'));

/** The markdown table: one row per registry strategy, in picker order. */
function methodTable(specs: readonly WeightingSpec[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = specs.map(
    (w) =>
      `| ${cell(w.label)} | \`${w.id}\` | ${cell(w.reference)} | ${w.cost} | ${onRepresentation(w) ? 'yes (option)' : 'no'} |`,
  );
  return ['| Method | id | Paper, venue, year | Cost class | On the shared representation |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

describe('the README method table', () => {
  it('lists every registry strategy with its reference, cost class and representation option', () => {
    const text = readFileSync(README, 'utf8');
    const a = text.indexOf(BEGIN);
    const b = text.indexOf(END);
    expect(a, 'README.md has the method-table markers').toBeGreaterThanOrEqual(0);
    const want = methodTable(WEIGHTINGS);
    if (process.env.UPDATE_README === '1') writeFileSync(README, text.slice(0, a + BEGIN.length) + want + text.slice(b));
    else expect(text.slice(a + BEGIN.length, b)).toBe(want);
    for (const w of WEIGHTINGS) expect(want).toContain(`\`${w.id}\``);
  });

  it('each cost class agrees with the spec: loss-only iff no gradients, "+ gradient vectors" iff gradVectors', () => {
    for (const w of WEIGHTINGS) {
      expect(STRATEGY_COSTS, w.id).toContain(w.cost);
      expect(w.cost === 'loss-only', w.id).toBe(!w.needsGrads);
      expect(w.cost === 'T backward passes + gradient vectors', w.id).toBe(w.gradVectors === true);
      if (w.gradVectors) expect(w.description, `${w.id} says in the picker that it costs more`).toMatch(/costs more/);
    }
  });
});
