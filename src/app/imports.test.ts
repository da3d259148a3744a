/** The folder import rules of DESIGN.md, checked over every source file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');

/** Which src folders each folder may import (itself always allowed). '*' = anything. */
const ALLOWED: Record<string, string[] | '*'> = {
  model: ['strategies'],
  data: ['model'],
  protocol: ['model'],
  strategies: ['model', 'data'],
  train: ['model', 'data', 'protocol', 'strategies', 'datasets'],
  bridge: ['protocol', 'model'],
  share: ['model'],
  state: ['model', 'protocol', 'bridge', 'share', 'export'],
  export: ['model', 'data', 'protocol', 'share', 'strategies', 'datasets'],
  ui: ['state', 'model'],
  // spec/generate files import model and data only (checked in src/datasets/registry.test.ts); view.tsx files also state and ui
  datasets: ['model', 'data', 'state', 'ui'],
  app: '*',
  bench: '*',
};
/** Packages a folder must never import. */
const FORBIDDEN_PKGS: Record<string, RegExp> = {
  model: /^(react|react-dom|zustand|@xyflow\/react|recharts|@tensorflow\/.*)$/,
  data: /^(react|react-dom|zustand|@tensorflow\/.*)$/,
  protocol: /^(react|@tensorflow\/.*)$/,
  share: /^(react|@tensorflow\/.*)$/,
  strategies: /^(react|react-dom|zustand|@tensorflow\/.*)$/,
  bridge: /^@tensorflow\//,
  state: /^@tensorflow\//,
  export: /^(react|react-dom|zustand|@tensorflow\/.*)$/,
  ui: /^@tensorflow\//,
  datasets: /^@tensorflow\//,
  app: /^@tensorflow\//,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

interface Imp {
  spec: string;
  typeOnly: boolean;
}
/** Static and dynamic import specifiers of a source text. */
export function importsOf(text: string): Imp[] {
  const out: Imp[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
  for (let m; (m = re.exec(text)); ) out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

const folderOf = (abs: string) => relative(SRC, abs).split(sep)[0];

describe('import rules (DESIGN.md)', () => {
  const all = files(SRC);
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('parses import forms', () => {
    expect(importsOf("import { a } from '../x';\nimport type { B } from \"../y\";\nexport * from './z';\nconst w = import('../w');")).toEqual([
      { spec: '../x', typeOnly: false },
      { spec: '../y', typeOnly: true },
      { spec: './z', typeOnly: false },
      { spec: '../w', typeOnly: false },
    ]);
  });

  for (const file of all) {
    const from = folderOf(file);
    it(`${relative(SRC, file)} imports only what its folder may`, () => {
      const bad: string[] = [];
      for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const to = folderOf(resolve(file, '..', spec));
          const allowed = ALLOWED[from];
          if (to === from || allowed === '*') continue;
          if (from === 'bridge' && to === 'train' && typeOnly) continue; // bridge may `import type` from train
          if (!allowed?.includes(to)) bad.push(`${spec} (${from} → ${to})`);
        } else if (FORBIDDEN_PKGS[from]?.test(spec) || (from !== 'train' && spec.startsWith('@tensorflow/'))) {
          bad.push(`${spec} (package not allowed in ${from})`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
