import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, DATASETS, datasetInputDim, datasetSpec, datasetTasks, datasetTemplate, isDatasetKind } from '../model';
import { DATASET_SCHEMAS } from '../share/schema';
import { generateDataset, needsAssets } from './build';
import { datasetCases } from './testing';

const HERE = import.meta.dirname;
const SRC = resolve(HERE, '..');
const cases = datasetCases();

describe('dataset registry', () => {
  it.each(cases.map((c) => [c.spec.kind, c] as const))('%s is deterministic per seed and matches its template', (_k, { config: ds, sources }) => {
    const tasks = datasetTasks(ds);
    const a = generateDataset({ dataset: ds, tasks, seed: 3 }, sources);
    const b = generateDataset({ dataset: ds, tasks, seed: 3 }, sources);
    const c = generateDataset({ dataset: ds, tasks, seed: 4 }, sources);
    expect(a).toEqual(b);
    expect(a.xTrain).not.toEqual(c.xTrain);
    expect(a.inputDim).toBe(datasetInputDim(ds));
    expect(a.xTrain.length).toBe(a.nTrain * a.inputDim);
    expect(a.xVal.length).toBe(a.nVal * a.inputDim);
    for (const t of tasks) {
      expect(a.yTrain[t.id].length).toBe(a.nTrain);
      expect(a.yVal[t.id].length).toBe(a.nVal);
    }
    const tpl = datasetTemplate(ds, tasks);
    const an = analyzeGraph(tpl.graph, { inputDim: datasetInputDim(ds), tasks });
    expect(an.firstError).toBeNull();
    expect(Object.keys(an.heads).sort()).toEqual(tasks.map((t) => t.id).sort());
  });

  it.each(cases.map((c) => [c.spec.kind, c] as const))('%s: its schema accepts its default and test configs and names its kind', (kind, { spec, config }) => {
    const schema = DATASET_SCHEMAS.get(kind)!;
    expect(schema.safeParse(spec.make()).success).toBe(true);
    expect(schema.parse(config)).toEqual(config);
    expect(spec.make().kind).toBe(kind);
    expect(schema.safeParse({ ...spec.make(), kind: `${kind}-not` }).success).toBe(false);
  });

  it('each folder is one entry with a spec and a schema, named by the folder, in a menu order of its own', () => {
    const folders = readdirSync(HERE).filter((f) => statSync(join(HERE, f)).isDirectory());
    expect(DATASETS.map((d) => d.kind).sort()).toEqual(folders.sort());
    expect([...DATASET_SCHEMAS.keys()].sort()).toEqual(folders.sort());
    expect(new Set(DATASETS.map((d) => d.order)).size).toBe(DATASETS.length);
    for (const f of folders) {
      expect(isDatasetKind(f)).toBe(true);
      expect(datasetSpec(f as never).kind).toBe(f);
    }
    expect(isDatasetKind('random')).toBe(false);
    expect(() => datasetSpec('nope' as never)).toThrow(/unknown dataset "nope"/);
  });

  it.each(cases.map((c) => [c.spec.kind, c] as const))('%s: a builder that loads files says so when they are missing', (_k, { config }) => {
    if (needsAssets(config)) expect(() => generateDataset({ dataset: config, tasks: datasetTasks(config), seed: 1 })).toThrow(/not loaded/);
    expect(needsAssets({ kind: 'random', nPoints: 10, inputDim: 2, valFraction: 0.2 })).toBe(false);
  });
});

/** Runtime imports a worker-side dataset file must not make. */
const WORKER_FORBIDS = /^(react|react-dom|zustand|zod)$|\/(state|ui|app|train|bridge|share)(\/|$)|\/schemaKit$|^\.\/schema$/;

/** [specifier, type-only] of each static or dynamic import of a source text. */
function importsOf(text: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g)) out.push([m[2], Boolean(m[1])]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push([m[1], false]);
  return out;
}

/** Every .ts/.tsx under dir (tests included). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('registry hygiene', () => {
  it('a config type joins DatasetConfigs only from a schema.ts the share schema loads', () => {
    const declares = new RegExp(['interface', 'DatasetConfigs', '\\{'].join('\\s*')); // built so this file does not match itself
    const where = sources(SRC)
      .filter((f) => declares.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f).split('\\').join('/'))
      .sort();
    expect(where).toEqual(['model/datasetSpec.ts', ...DATASETS.map((d) => `datasets/${d.kind}/schema.ts`)].sort());
  });

  it('spec and generator files import no React, store, UI or zod (they run in the worker; schema.ts files only on the page)', () => {
    const bad: string[] = [];
    for (const f of sources(HERE).filter((p) => /[/\\](spec|generate|build|pack|digits)\.ts$/.test(p)))
      for (const [spec, typeOnly] of importsOf(readFileSync(f, 'utf8')))
        if (!typeOnly && WORKER_FORBIDS.test(spec)) bad.push(`${relative(SRC, f)}: ${spec}`);
    expect(bad).toEqual([]);
  });
});
