import { describe, expect, it } from 'vitest';
import type { TaskSpec } from '../model';
import { applyLabelPolicy } from './labels';

describe('label budget and noise', () => {
  const tasks: TaskSpec[] = [
    { id: 'c', name: 'C', kind: 'multiclass', classes: 4, labelBudget: 0.3, labelNoise: 0 },
    { id: 'n', name: 'N', kind: 'multiclass', classes: 4, labelBudget: 1, labelNoise: 0.25 },
    { id: 'r', name: 'R', kind: 'regression', classes: 1, labelNoise: 0.5 },
  ];
  const n = 200;
  const y = () => Float32Array.from({ length: n }, (_, i) => i % 4);
  const base = { inputDim: 1, xTrain: new Float32Array(n), xVal: new Float32Array(50), nTrain: n, nVal: 50, yTrain: { c: y(), n: y(), r: y() }, yVal: { c: y().slice(0, 50), n: y().slice(0, 50), r: y().slice(0, 50) } };
  const out = applyLabelPolicy(base, tasks, 11);

  it('budget masks exactly the requested fraction of training labels', () => {
    expect(out.yTrain.c.filter(Number.isNaN).length).toBe(140);
    out.yTrain.c.forEach((v, i) => Number.isNaN(v) || expect(v).toBe(base.yTrain.c[i]));
  });
  it('noise flips exactly that fraction to another class and never touches validation', () => {
    let flipped = 0;
    out.yTrain.n.forEach((v, i) => {
      if (v !== base.yTrain.n[i]) flipped++;
      expect(v >= 0 && v < 4 && Number.isInteger(v)).toBe(true);
    });
    expect(flipped).toBe(50);
    expect(out.yVal).toBe(base.yVal);
    expect(out.yVal.n).toEqual(y().slice(0, 50));
  });
  it('regression noise adds Gaussian noise of the given std; same seed, same labels', () => {
    const d = out.yTrain.r.map((v, i) => v - base.yTrain.r[i]);
    const sd = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / n);
    expect(sd).toBeGreaterThan(0.4);
    expect(sd).toBeLessThan(0.6);
    expect(applyLabelPolicy(base, tasks, 11)).toEqual(out);
    expect(base.yTrain.c.some(Number.isNaN)).toBe(false); // inputs not mutated
  });
});
