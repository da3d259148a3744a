/**
 * Fuzzing what comes back from IndexedDB (issue 16): damaged or foreign run records and weight records, and
 * warm-start matching against arbitrary weights. Never an exception: a usable record, or null.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultExperiment, matchWarmStart } from '../model';
import { parseExperiment as parseShared } from '../share';
import { newRunRecord } from './runs';
import { validateRunRecord, validateRunWeights } from './runsDb';

const SEED = 20261202;
const RESERVED = ['__proto__', 'constructor', 'toString', 'valueOf'];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...RESERVED, null, true, 0, -1, NaN, Infinity, 1e308, '', 'running', 'done', 'wasm'),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...RESERVED, 'a', 'step', 'tasks'), fc.integer(), { maxKeys: 3 }),
);

function slots(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => slots(x, [...path, i], out));
  else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const k of Object.keys(v)) slots((v as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

function mutate(base: unknown, path: (string | number)[], del: boolean, value: unknown): unknown {
  const root = structuredClone(base);
  if (path.length === 0) return value;
  let parent = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  if (del) delete parent[path[path.length - 1]];
  else parent[path[path.length - 1]] = value;
  return root;
}

const point = (step: number) => ({
  step,
  tasks: [0, 1, 2].map(() => ({ trainLoss: 0.5, valLoss: 0.6, metric: 0.9 })),
  weights: [1, 1, 1],
  totalLoss: 1.7,
  conflict: step === 10 ? { cosine: [[1, -0.2], [-0.2, 1]], norms: [1, 2], measured: 10, conflicting: 3 } : null,
});
const record = { ...newRunRecord(defaultExperiment(), 'mtl', 'run', { id: 'r1', createdAt: 1 }), status: 'done', points: [point(0), point(10)], robustness: { eps: [0, 0.1], scores: [[1, 1, 1], [0.5, 0.5, 0.5]] } };
const weights = { runId: 'r1', step: 10, weights: [{ id: 'd1', kind: 'dense', tensors: [{ shape: [2, 16], values: new Float32Array(32) }, { shape: [16], values: new Float32Array(16) }] }] };

beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

describe('fuzz: stored runs read back from IndexedDB', () => {
  it('mutated run records (1,500) validate to a consistent record or null', () => {
    const all = slots(record);
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), hostile, (pick, del, value) => {
        const rec = validateRunRecord(mutate(record, all[pick % all.length], del, value));
        if (rec === null) return;
        expect(parseShared(JSON.parse(JSON.stringify(rec.config))).ok).toBe(true);
        for (const p of rec.points) expect(p.tasks.length).toBe(rec.config.tasks.length);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('mutated weight records (500) validate to consistent tensors or null, and warm-start matching never throws', () => {
    const all = slots(weights);
    const target = [{ id: 'd1', shapes: [[2, 16], [16]] }];
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), hostile, (pick, del, value) => {
        const w = validateRunWeights(mutate(weights, all[pick % all.length], del, value));
        if (w === null) return;
        for (const n of w.weights) for (const t of n.tensors) expect(t.values.length).toBe(t.shape.reduce((a, d) => a * d, 1));
        const report = matchWarmStart(target, w.weights.map((n) => ({ nodeId: n.id, tensors: n.tensors })) as never);
        for (const r of report) expect(['copied', 'missing', 'mismatch']).toContain(r.status);
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});
