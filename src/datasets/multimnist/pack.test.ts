import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { packMnist, unpackMnist } from './pack';

describe('MNIST pack', () => {
  it('round-trips hand-made digits exactly', () => {
    const a = new Array(784).fill(0).map((_, i) => (i % 256 === 0 ? 0 : Math.round((((i % 256) / 255) * 1000)) / 1000));
    const classes = Array.from({ length: 10 }, (_, c) => (c === 3 ? [...a, ...a.map((v) => (v ? 1 : 0))] : a));
    const back = unpackMnist(packMnist(classes));
    expect(back.byClass.map((c) => c.length)).toEqual(classes.map((c) => c.length));
    back.byClass.forEach((c, i) => expect(Array.from(c)).toEqual(classes[i].map((v) => Math.fround(v))));
  });

  it('refuses values that are not k/255 levels and damaged files', () => {
    expect(() => packMnist(Array.from({ length: 10 }, () => new Array(784).fill(0.5)))).toThrow(/not a k\/255 level/);
    expect(() => unpackMnist(Uint8Array.from([1, 2, 3]))).toThrow(/damaged|not an MNS1/);
  });

  it('packs the mnist package’s digits losslessly and at least 10× smaller than their JSON', () => {
    const require = createRequire(import.meta.url);
    const json = Array.from({ length: 10 }, (_, c) => (require(`mnist/src/digits/${c}.json`) as { data: number[] }).data);
    const packed = packMnist(json);
    const jsonBytes = json.reduce((a, d) => a + JSON.stringify({ data: d }).length, 0);
    expect(packed.length * 10).toBeLessThan(jsonBytes);
    const back = unpackMnist(packed);
    for (let c = 0; c < 10; c++) {
      expect(back.byClass[c].length).toBe(json[c].length);
      let diff = 0;
      for (let j = 0; j < json[c].length; j++) if (back.byClass[c][j] !== Math.fround(json[c][j])) diff++;
      expect(diff, `class ${c}`).toBe(0);
    }
  });
});
