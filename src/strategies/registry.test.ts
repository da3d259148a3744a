/**
 * The strategy registries come from the folders alone: the generated files are fresh, every folder is whole, spec
 * files stay page-safe, and a fixture folder shows up in the picker, the worker registry and the exported Python
 * with no list edited (and a folder without its Python port fails the generator and tsc).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleCommonPy } from '../export/commonPy';
import { WEIGHTINGS, weightingsFrom, type StrategySpec, type WeightingSpec } from '../model/weighting';
import { phasedStrategy } from '../train/schedule';
import { createStrategy, registryOf } from '../train/weighting';
import type { StrategyFactory } from './_shared';
import { STRATEGY_FACTORIES } from './strategies.gen';
import { TORCH_PORTS } from './torch.gen';

const HERE = import.meta.dirname;
const FIXTURES = join(HERE, '_fixtures');
const PY = '/usr/bin/python3';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the generator; returns its exit status and messages. */
function generate(...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(HERE, 'generate.mjs'), ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** The registries of the real folders plus those under the fixture roots, generated into a temp dir. */
function generateWith(...roots: string[]): { out: string; status: number | null; stderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'mtl-strategies-'));
  dirs.push(out);
  return { out, ...generate('--root', HERE, ...roots.flatMap((r) => ['--root', join(FIXTURES, r)]), '--out', out) };
}

const strategyFolders = () => readdirSync(HERE).filter((n) => !/^[_.]/.test(n) && statSync(join(HERE, n)).isDirectory()).sort();
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('strategy registries', () => {
  it('the generated registries are fresh (run `npm run gen` when this fails)', () => {
    expect(generate('--check')).toEqual({ status: 0, stderr: '' });
  });

  it('every strategy folder is one entry of the picker, the worker registry and the Python ports', () => {
    const ids = strategyFolders();
    expect(ids.length).toBeGreaterThan(0);
    expect(WEIGHTINGS.map((w) => w.id).sort()).toEqual(ids);
    expect(Object.keys(STRATEGY_FACTORIES).sort()).toEqual(ids);
    expect(Object.keys(TORCH_PORTS).sort()).toEqual(ids);
  });

  it('spec files import model alone, and model reaches the strategies only through the specs registry', () => {
    for (const id of strategyFolders()) expect(importsOf(join(HERE, id, 'spec.ts')).every((s) => s.startsWith('../../model/')), id).toBe(true);
    const specsGen = importsOf(join(HERE, 'specs.gen.ts'));
    expect(specsGen.filter((s) => !s.startsWith('../model/')).every((s) => /^\.\/[a-z0-9-]+\/spec$/.test(s))).toBe(true);
    const model = resolve(HERE, '..', 'model');
    const fromModel = readdirSync(model).filter((f) => f.endsWith('.ts')).flatMap((f) => importsOf(join(model, f)).filter((s) => s.includes('strategies')));
    expect(new Set(fromModel)).toEqual(new Set(['../strategies/specs.gen']));
  });
});

describe('a new strategy folder (fixture) appears everywhere, with no list edited', async () => {
  const { out, status, stderr } = generateWith('whole');
  const specs = (await import(join(out, 'specs.gen.ts'))) as { STRATEGY_SPECS: Record<string, StrategySpec> };
  const impls = (await import(join(out, 'strategies.gen.ts'))) as { STRATEGY_FACTORIES: Record<string, StrategyFactory> };
  const ports = (await import(join(out, 'torch.gen.ts'))) as { TORCH_PORTS: Record<string, string> };
  const picker: WeightingSpec[] = weightingsFrom(specs.STRATEGY_SPECS);
  const registry = registryOf((id) => picker.find((w) => w.id === id), impls.STRATEGY_FACTORIES);
  const cfg = { kind: 'probe', params: { gain: 2 }, weights: {} };

  it('the generator takes it in', () => {
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(WEIGHTINGS.some((w) => w.id === 'probe')).toBe(false);
  });

  it('in the picker registry, after the real strategies (its order is 1000)', () => {
    expect(picker.map((w) => w.id)).toEqual([...WEIGHTINGS.map((w) => w.id), 'probe']);
    expect(picker.at(-1)!.label).toBe('Probe (test fixture)');
  });

  it('in the worker registry: createStrategy runs it and its hooks arrive, also through the two-phase schedule', () => {
    const s = createStrategy(cfg, ['a', 'b', 'c'], 1, 0.01, registry);
    expect(s.step({ step: 0, losses: [1, 1, 1], gram: null }).shared).toEqual([2, 2, 2]);
    s.emit('afterStep', { step: 0 });
    s.emit('eval', { step: 1, valLosses: [1, 2, 3] });
    expect(s.step({ step: 1, losses: [1, 1, 1], gram: null }).shared).toEqual([4, 8, 12]);
    const create: typeof createStrategy = (c, ids, seed, lr) => createStrategy(c, ids, seed, lr, registry);
    const p = phasedStrategy(cfg, { phase1Steps: 2, phase1Tasks: ['a', 'c'], freezeInPhase2: [] }, ['a', 'b', 'c'], 1, 0.01, create);
    p.emit('afterStep', { step: 0 });
    p.emit('eval', { step: 1, valLosses: [1, 2, 3] }); // phase 1: its strategy sees tasks a and c only
    expect(p.step({ step: 1, losses: [1, 1, 1], gram: null }).shared).toEqual([4, 0, 12]);
    p.emit('afterStep', { step: 2 }); // phase 2: the fresh strategy over every task
    expect(p.step({ step: 3, losses: [1, 1, 1], gram: null }).shared).toEqual([4, 4, 4]);
  });

  it('in the exported common.py, where Python gives the same weights', () => {
    const common = assembleCommonPy(picker, ports.TORCH_PORTS);
    expect(common).toContain('STRATEGIES["probe"] = STRATEGY');
    expect(common).toContain('class Probe(Strategy):');
    if (!existsSync(PY)) return;
    const dir = mkdtempSync(join(tmpdir(), 'mtl-probe-py-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'common.py'), common);
    const code = `
import ast, json
try:
    import common as C
except ImportError:  # no numpy/torch here: the file must still parse
    ast.parse(open('common.py').read()); print('null'); raise SystemExit
st = C.make_strategy({'tasks': [{'id': i} for i in 'abc'], 'seed': 1, 'weighting': ${JSON.stringify(cfg)}}, 0.01)
w0 = st.step(0, [1, 1, 1], None)[0]
st.emit('after_step', 0)
st.emit('eval', 1, val_losses=[1, 2, 3])
print(json.dumps([w0, st.step(1, [1, 1, 1], None)[0]]))`;
    const r = spawnSync(PY, ['-c', code], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    if (got) expect(got).toEqual([[2, 2, 2], [4, 8, 12]]);
  });
});

/** tsc's messages on a generated torch.gen.ts (the Python registry) and what it imports. */
function tscMessages(out: string): string[] {
  // vite/client.d.ts declares the `?raw` modules, as tsconfig's "types" does for the whole project.
  const viteClient = resolve(HERE, '../../node_modules/vite/client.d.ts');
  const program = ts.createProgram([join(out, 'torch.gen.ts'), viteClient], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.endsWith('torch.gen.ts'))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a strategy folder without its Python port', () => {
  it('fails the generator by name, and tsc on the Python registry (a whole folder passes both)', () => {
    const holed = generateWith('holed');
    expect(holed.status).toBe(1);
    expect(holed.stderr).toMatch(/holed: missing torch\.py/);
    expect(tscMessages(holed.out).join('\n')).toMatch(/Property 'holed' is missing/);
    const whole = generateWith('whole');
    expect(whole.status).toBe(0);
    expect(tscMessages(whole.out)).toEqual([]);
  });
});
