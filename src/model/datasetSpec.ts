/**
 * What a dataset is, as the page knows it without generating data. Each `src/datasets/<id>/spec.ts`
 * adds its config type to `DatasetConfigs` (declaration merging) and exports `spec = defineDataset(…)`;
 * `DatasetConfig` is the union of those types, so the config type, the share schema and the registry
 * come from the same entries and a folder without a schema does not compile.
 */
import type { z } from 'zod';
import type { Graph, TaskSpec, WeightingConfig } from './types';

/** id → config type, one member per dataset folder (added by its spec.ts with `declare module`). */
export interface DatasetConfigs {}

export type DatasetKind = keyof DatasetConfigs;
/** Any dataset's config: a discriminated union on `kind`. */
export type DatasetConfig = DatasetConfigs[DatasetKind];
/** One dataset's config. */
export type ConfigOf<K extends DatasetKind> = DatasetConfigs[K];

/** The graph (and, where it prescribes one, the weighting) that suits a dataset. */
export interface DatasetTemplate {
  name: string;
  graph: Graph;
  /** set when the template prescribes a loss weighting (sequences: fixed α/β) */
  weighting?: WeightingConfig;
}

/** A zod object schema for one dataset's config, with its literal `kind` (usable in a discriminated union). */
export type DatasetSchema<K extends DatasetKind> = z.ZodType<ConfigOf<K>> & z.core.$ZodTypeDiscriminable;

/** A dataset registry entry. Methods (not function properties) so an entry of one kind is an entry of the union. */
export interface DatasetSpec<K extends DatasetKind = DatasetKind> {
  kind: K;
  label: string;
  /** one line for the menu's tooltip and the panel */
  description: string;
  /** position in the dataset menu, ascending */
  order: number;
  /** validates an untrusted config (share link, JSON file, stored run); caps every size */
  schema: DatasetSchema<K>;
  /** a fresh default config */
  make(): ConfigOf<K>;
  /** features per row the config produces */
  inputDim(ds: ConfigOf<K>): number;
  /** the tasks the config implies (fresh objects; label budget and noise at their defaults) */
  tasks(ds: ConfigOf<K>): TaskSpec[];
  /** the architecture that suits the dataset (its paper's where there is one), for these tasks */
  template(ds: ConfigOf<K>, tasks: TaskSpec[]): DatasetTemplate;
  /** what one example is called in the preview's split line ("rows", "images" …) */
  noun: string;
  /** false: picking it in the menu shows its controls and keeps the experiment until they switch it (csv: a good upload) */
  switchOnPick: boolean;
  /** inputs are points in the plane, generated without files: the run view draws them under the decision boundaries */
  plane: boolean;
}

/** Type identity (not mutual assignability: that would let an optional extra field through). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Refuses a schema whose output is not exactly the config type registered for its kind (both ways). */
type ExactSchema<K extends DatasetKind, S> = Same<z.output<S>, ConfigOf<K>> extends true ? unknown : { schema: 'its output type differs from the config type in DatasetConfigs' };

/** Type-checked identity: a dataset entry with every piece, its schema exactly its config type. */
export function defineDataset<K extends DatasetKind, S extends DatasetSchema<K>>(spec: DatasetSpec<K> & { schema: S } & ExactSchema<K, S>): DatasetSpec<K> {
  return spec;
}
