/**
 * The dataset builders: every `src/datasets/<id>/generate.ts`, collected here for the worker, the page's
 * preview and the project exporter. Config → typed arrays, deterministic per seed.
 */
import { applyLabelPolicy } from '../data/labels';
import { generateRandom } from '../data/random';
import { dataSeedOf } from '../model/seeds';
import type { ConfigOf, CsvTable, DatasetArrays, DatasetConfig, DatasetKind, ExperimentConfig, RandomDatasetConfig, TaskSpec } from '../model';

/** Raw data some builders need, loaded once per thread by loadSources (or hand-made in tests); a builder that loads adds its key here. */
export interface DataSources {
  /** the session's uploaded CSV (never in the config) */
  table?: CsvTable | null;
}

/** Kinds that have a builder: each generate.ts adds `<kind>: true` (declaration merging). */
export interface DatasetBuilders {}

/** One dataset's worker-side half. */
export interface DatasetBuilder<K extends DatasetKind> {
  kind: K;
  /** fetch the raw data (a lazy chunk or an app-served file), cached per thread; absent when the builder needs none */
  load?(): Promise<DataSources>;
  /** inputs + one target per task, before label budget and noise; throws a readable error when a source is missing */
  generate(ds: ConfigOf<K>, tasks: TaskSpec[], seed: number, sources: DataSources): DatasetArrays;
}

type MissingBuilders = Exclude<DatasetKind, keyof DatasetBuilders>;
// Compiles only when every dataset folder has a generate.ts that registers itself; otherwise tsc names the kinds.
true satisfies [MissingBuilders] extends [never] ? true : { datasetsWithoutGenerateTs: MissingBuilders };

const found = import.meta.glob<DatasetBuilder<DatasetKind>>('./*/generate.ts', { eager: true, import: 'builder' });
const builders = new Map<string, DatasetBuilder<DatasetKind>>(Object.values(found).map((b) => [b.kind, b]));

function builderOf(kind: string): DatasetBuilder<DatasetKind> {
  const b = builders.get(kind);
  if (!b) throw new Error(`unknown dataset ${kind}`);
  return b;
}

type DatasetInput = Pick<ExperimentConfig, 'tasks' | 'seed' | 'dataSeed'> & { dataset: DatasetConfig | RandomDatasetConfig };

/** Build the experiment's dataset (inputs + one target per task) from its data seed (dataSeedOf) and sources, then apply each task's label budget and noise. Also accepts the benchmark-only 'random' kind. */
export function generateDataset(cfg: DatasetInput, sources: DataSources = {}): DatasetArrays {
  const ds = cfg.dataset;
  // A seeded study may keep the data fixed while the training seed varies.
  const seed = dataSeedOf(cfg);
  const raw = ds.kind === 'random' ? generateRandom(ds, cfg.tasks, seed) : builderOf(ds.kind).generate(ds, cfg.tasks, seed, sources);
  return applyLabelPolicy(raw, cfg.tasks, seed);
}

/** Whether a dataset kind needs asynchronously loaded sources (so callers can show a loading state). */
export function needsAssets(ds: DatasetConfig | RandomDatasetConfig): boolean {
  return ds.kind !== 'random' && builderOf(ds.kind).load !== undefined;
}

/** Load the raw data a config needs (browser: lazily imported chunks / app-served assets, cached per thread); `table` is the session's CSV. */
export async function loadSources(ds: DatasetConfig | RandomDatasetConfig, table?: CsvTable | null): Promise<DataSources> {
  const load = ds.kind === 'random' ? undefined : builderOf(ds.kind).load;
  return load ? load() : { table: table ?? null };
}

/** loadSources + generateDataset. */
export async function prepareDataset(cfg: DatasetInput, table?: CsvTable | null): Promise<DatasetArrays> {
  return generateDataset(cfg, await loadSources(cfg.dataset, table));
}

/** Test inputs of a dataset folder's optional fixture.ts: a config when the default cannot be generated alone, hand-made sources when the builder loads files. */
export interface DatasetFixture<K extends DatasetKind> {
  kind: K;
  config?: ConfigOf<K>;
  sources?: DataSources;
}
