import { describe, expect, it } from 'vitest';
import { defaultExperiment } from './defaults';
import { dataSeedOf, DEFAULT_SEEDS, deltaMConventionOf, MAX_SEEDS, seededConfigs, seedsOf } from './seeds';

describe('seeded configs', () => {
  it('fixed data: seeds 42, 43, 44 train on the data of seed 42', () => {
    const cfg = defaultExperiment();
    const cs = seededConfigs(cfg, { count: 3, varyData: false });
    expect(cs.map((c) => c.seed)).toEqual([42, 43, 44]);
    expect(cs.map(dataSeedOf)).toEqual([42, 42, 42]);
    // seed k = 0 is the plain experiment: no redundant dataSeed
    expect(cs[0]).toEqual(cfg);
    expect(cs[1].dataSeed).toBe(42);
    expect(cfg.seed).toBe(42); // not changed
  });
  it('varied data: each seed draws its own data', () => {
    const cfg = { ...defaultExperiment(), dataSeed: 7 };
    const cs = seededConfigs(cfg, { count: 2, varyData: true });
    expect(cs.map((c) => [c.seed, dataSeedOf(c)])).toEqual([
      [42, 42],
      [43, 43],
    ]);
    // fixed data keeps an explicit data seed
    expect(seededConfigs(cfg, { count: 2, varyData: false }).map(dataSeedOf)).toEqual([7, 7]);
  });
  it('wraps at 2³², caps the count, and fills defaults', () => {
    const cfg = { ...defaultExperiment(), seed: 2 ** 32 - 1 };
    expect(seededConfigs(cfg, { count: 2, varyData: true }).map((c) => c.seed)).toEqual([2 ** 32 - 1, 0]);
    expect(seededConfigs(cfg, { count: 1e6, varyData: true })).toHaveLength(MAX_SEEDS);
    expect(seedsOf({})).toEqual({ count: DEFAULT_SEEDS, varyData: false });
    expect(deltaMConventionOf({})).toBe('per-task');
    expect(deltaMConventionOf({ deltaM: 'all-metrics' })).toBe('all-metrics');
  });
});
