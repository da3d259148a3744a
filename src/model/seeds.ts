/** Seeded studies: which seeds a "Train × N seeds" uses, and which seed the data follows. Pure. */
import type { DeltaMConvention } from './stats';
import type { ExperimentConfig, SeedsConfig } from './types';

/** Most seeds in one study (a cap on the work one click can queue). */
export const MAX_SEEDS = 50;
/** The Seeds control's count when the config names none. */
export const DEFAULT_SEEDS = 5;

/** The config's seeds setting, defaults filled in (count DEFAULT_SEEDS, data fixed). */
export function seedsOf(cfg: Pick<ExperimentConfig, 'seeds'>): SeedsConfig {
  return { count: cfg.seeds?.count ?? DEFAULT_SEEDS, varyData: cfg.seeds?.varyData ?? false };
}

/** The seed the data (generation, split, label budget and noise) derives from: dataSeed when set, else seed. */
export function dataSeedOf(cfg: Pick<ExperimentConfig, 'seed' | 'dataSeed'>): number {
  return cfg.dataSeed ?? cfg.seed;
}

/** The Δm% convention the config asks for ('per-task' when it names none). */
export function deltaMConventionOf(cfg: Pick<ExperimentConfig, 'deltaM'>): DeltaMConvention {
  return cfg.deltaM ?? 'per-task';
}

/**
 * One config per seed of a study of `cfg`: seeds cfg.seed, cfg.seed + 1, … (mod 2³²), `count` of them. With
 * `varyData` each draws its own data (no dataSeed); else all keep cfg's data seed (dataSeed set only where it
 * differs from the seed, so seed k = 0 is the plain config). Deep copies; `cfg` is not changed.
 */
export function seededConfigs(cfg: ExperimentConfig, { count, varyData }: SeedsConfig): ExperimentConfig[] {
  const data = dataSeedOf(cfg);
  return Array.from({ length: Math.max(0, Math.min(MAX_SEEDS, Math.floor(count))) }, (_, k) => {
    const c = structuredClone(cfg);
    c.seed = (cfg.seed + k) % 2 ** 32;
    delete c.dataSeed;
    if (!varyData && data !== c.seed) c.dataSeed = data;
    return c;
  });
}
