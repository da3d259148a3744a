/** The folder import rules of DESIGN.md, checked over every source file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');

/** Which src folders each folder may import (itself always allowed). '*' = anything. Imports of `kinds` are narrowed by KIND_RUNTIMES below. */
const ALLOWED: Record<string, string[] | '*'> = {
  model: ['strategies', 'kinds'],
  kinds: ['model', 'train', 'export'],
  data: ['model'],
  protocol: ['model'],
  strategies: ['model', 'data'],
  train: ['model', 'data', 'protocol', 'strategies', 'datasets', 'kinds'],
  bridge: ['protocol', 'model'],
  share: ['model', 'kinds'],
  state: ['model', 'protocol', 'bridge', 'share', 'export'],
  export: ['model', 'data', 'protocol', 'share', 'strategies', 'datasets', 'kinds'],
  ui: ['state', 'model'],
  // spec/generate files import model and data only (checked in src/datasets/registry.test.ts); view.tsx files also state and ui
  datasets: ['model', 'data', 'state', 'ui'],
  app: '*',
  bench: '*',
};
/** Packages a folder must never import. */
const FORBIDDEN_PKGS: Record<string, RegExp> = {
  model: /^(react|react-dom|zustand|@xyflow\/react|recharts|@tensorflow\/.*)$/,
  kinds: /^(react|react-dom|zustand|@xyflow\/react|recharts)$/,
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

/**
 * A file in src/kinds runs where its name says: `spec.ts` (and the generated `specs.gen.ts`) on the page and
 * everywhere, `tfjs.ts` / `tfjs.gen.ts` and `fast.ts` / `fast.gen.ts` in the worker, `torch.ts` / `torch.gen.ts` in the export chunk.
 * Any other file there has no runtime (none is expected).
 */
type Runtime = 'spec' | 'tfjs' | 'fast' | 'torch' | 'none';
export function kindRuntime(abs: string): Runtime {
  const m = /^(spec|specs|tfjs|fast|torch)(\.gen)?\.ts$/.exec(basename(abs));
  return !m ? 'none' : m[1] === 'specs' ? 'spec' : (m[1] as Runtime);
}
/** Per runtime of a kinds file: the src folders it may import and the kinds runtimes it may reach (itself included). */
const KIND_RUNTIMES: Record<Runtime, { folders: string[]; kinds: Runtime[]; tfjs: boolean }> = {
  spec: { folders: ['model'], kinds: ['spec'], tfjs: false },
  tfjs: { folders: ['model', 'train'], kinds: ['spec', 'tfjs'], tfjs: true },
  // The JS engine's kernels: typed arrays only, no tfjs (a kernel may reuse another kind's, e.g. the head's Dense).
  fast: { folders: ['model', 'train'], kinds: ['spec', 'fast'], tfjs: false },
  torch: { folders: ['model', 'export'], kinds: ['spec', 'torch'], tfjs: false },
  none: { folders: ['model'], kinds: [], tfjs: false },
};
/** Which kinds runtimes each other folder may import: model and share run on the page (specs only), train in the worker, export in its chunk. */
const KINDS_FOR: Record<string, Runtime[]> = {
  model: ['spec'],
  share: ['spec'],
  train: ['spec', 'tfjs', 'fast'],
  export: ['spec', 'torch'],
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

  it('classifies kinds files by runtime', () => {
    expect(['a/dense/spec.ts', 'a/specs.gen.ts', 'a/mmoe/tfjs.ts', 'a/tfjs.gen.ts', 'a/torch.ts', 'a/x.ts'].map(kindRuntime)).toEqual(['spec', 'spec', 'tfjs', 'tfjs', 'torch', 'none']);
  });

  for (const file of all) {
    const from = folderOf(file);
    it(`${relative(SRC, file)} imports only what its folder may`, () => {
      expect(badImports(file, from)).toEqual([]);
    });
  }
});

/** The imports of one source file that break the rules, in words. */
function badImports(file: string, from: string): string[] {
  const bad: string[] = [];
  const runtime = from === 'kinds' ? KIND_RUNTIMES[kindRuntime(file)] : null;
  for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
    if (spec.startsWith('.')) {
      const target = resolve(file, '..', spec);
      const to = folderOf(target);
      const allowed = ALLOWED[from];
      if (to === 'kinds' && from !== 'kinds' && allowed !== '*' && KINDS_FOR[from] && !KINDS_FOR[from].includes(kindRuntime(target + '.ts'))) {
        bad.push(`${spec} (${from} may import only the ${KINDS_FOR[from].join('/')} files of kinds)`);
        continue;
      }
      if (runtime) {
        if (to === 'kinds' ? !runtime.kinds.includes(kindRuntime(target + '.ts')) : !runtime.folders.includes(to)) bad.push(`${spec} (a kinds ${kindRuntime(file)} file → ${to === 'kinds' ? `a kinds ${kindRuntime(target + '.ts')} file` : to})`);
        continue;
      }
      if (to === from || allowed === '*') continue;
      if (from === 'bridge' && to === 'train' && typeOnly) continue; // bridge may `import type` from train
      if (!allowed?.includes(to)) bad.push(`${spec} (${from} → ${to})`);
    } else if (FORBIDDEN_PKGS[from]?.test(spec) || (spec.startsWith('@tensorflow/') && from !== 'train' && !runtime?.tfjs)) {
      bad.push(`${spec} (package not allowed in ${from}${runtime ? ` ${kindRuntime(file)} files` : ''})`);
    }
  }
  return bad;
}
