import { describe, expect, it } from 'vitest';
import { makeRng, permutation } from './index';

describe('seeded data', () => {
  it('mulberry32 gives the same stream for the same seed and differs across seeds', () => {
    const a = makeRng(1), b = makeRng(1), c = makeRng(2);
    const sa = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(sa);
    expect(c.next()).not.toBe(sa[0]);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('permutation is a permutation', () => {
    const p = Array.from(permutation(50, makeRng(3)));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
