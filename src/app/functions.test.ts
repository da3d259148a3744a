/** DESIGN.md habit 8 as a check: no function in src is longer than MAX_LINES (a closure counts on its own). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');
const MAX_LINES = 120;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !/\.gen\.ts$/.test(f) ? [p] : [];
  });
}

/** "file:line name (n lines)" for every function-like node with a body longer than `max` lines. */
export function longFunctions(path: string, text: string, max: number): string[] {
  const src = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const a = src.getLineAndCharacterOfPosition(n.getStart()).line;
      const b = src.getLineAndCharacterOfPosition(n.end).line;
      const name = (n as { name?: ts.Node }).name?.getText(src) ?? '(anonymous)';
      if (b - a + 1 > max) out.push(`${path}:${a + 1} ${name} (${b - a + 1} lines)`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('function length (DESIGN.md habit 8)', () => {
  it('finds a long function in a sample', () => {
    const body = Array.from({ length: 130 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('x.ts', `function big() {\n${body}\n}\nconst small = () => 1;`, MAX_LINES)).toEqual(['x.ts:1 big (132 lines)']);
  });

  it(`no function in src is longer than ${MAX_LINES} lines`, () => {
    const long = files(SRC).flatMap((f) => longFunctions(relative(SRC, f), readFileSync(f, 'utf8'), MAX_LINES));
    expect(long).toEqual([]);
  });
});
