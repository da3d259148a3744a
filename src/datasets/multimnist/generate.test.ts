import { describe, expect, it } from 'vitest';
import { datasetTasks, type DatasetConfig } from '../../model';
import { generateDataset, type DataSources } from '../build';
import { fakeDigits } from './fixture';
import { CANVAS, composePair, overlayCanvas, resizeArea } from './generate';

const sources: DataSources = { digits: fakeDigits() };

describe('MultiMNIST composition', () => {
  it('puts A top-left, B 6 px down-right, pixel-wise max', () => {
    const a = new Float32Array(784);
    const b = new Float32Array(784);
    a[0] = 0.5; // A's top-left pixel
    a[6 * 28 + 6] = 0.3; // overlaps B's top-left pixel
    b[0] = 0.8;
    b[27 * 28 + 27] = 1; // B's bottom-right → canvas (33, 33)
    const c = overlayCanvas(a, b);
    expect(c.length).toBe(CANVAS * CANVAS);
    expect(c[0]).toBeCloseTo(0.5);
    expect(c[6 * CANVAS + 6]).toBeCloseTo(0.8); // max(0.3, 0.8)
    expect(c[33 * CANVAS + 33]).toBe(1);
    expect(c.reduce((s, v) => s + v, 0)).toBeCloseTo(0.5 + 0.8 + 1);
  });

  it('area resize keeps a constant image constant and the mean grey level', () => {
    const flat = new Float32Array(CANVAS * CANVAS).fill(0.4);
    for (const v of resizeArea(flat)) expect(v).toBeCloseTo(0.4, 6);
    const one = new Float32Array(CANVAS * CANVAS);
    one[0] = 1; // a 1×1 source cell covers 28/36 of output cell (0, 0) along each axis
    const r = resizeArea(one);
    expect(r[0]).toBeCloseTo((28 / 36) ** 2, 6);
    expect(r.reduce((s, v) => s + v, 0) / 784).toBeCloseTo(1 / 1296, 8);
    expect(composePair(new Float32Array(784), new Float32Array(784)).every((v) => v === 0)).toBe(true);
  });

  it('labels are the classes of the two digits drawn', () => {
    const ds: DatasetConfig = { kind: 'multimnist', nTrain: 50, nVal: 10 };
    const d = generateDataset({ dataset: ds, tasks: datasetTasks(ds), seed: 1 }, sources);
    const img = (c: number, k: number) => sources.digits!.byClass[c].subarray(k * 784, (k + 1) * 784);
    for (let i = 0; i < d.nTrain; i++) {
      const x = d.xTrain.subarray(i * 784, (i + 1) * 784);
      const [l, r] = [d.yTrain.left[i], d.yTrain.right[i]];
      // one of the 5 digits of class l on the left and one of class r on the right composes exactly x
      let found = false;
      for (let ka = 0; ka < 5 && !found; ka++)
        for (let kb = 0; kb < 5 && !found; kb++) found = composePair(img(l, ka), img(r, kb)).every((v, j) => Math.abs(v - x[j]) < 1e-6);
      expect(found).toBe(true);
    }
  });
});
