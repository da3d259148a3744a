/**
 * What a dataset is, as the page knows it without generating data. Each `src/datasets/<id>/schema.ts` adds
 * its config type (the output of its zod schema) to `DatasetConfigs` by declaration merging, so
 * `DatasetKind` is exactly the folders that have a schema; their spec.ts, generate.ts and view.tsx each
 * register with their runtime's collector, which fails to compile, naming the kind, when one is missing.
 */
import type { z } from 'zod';
import type { CsvTable, Graph, OptimizerConfig, TaskSpec, WeightingConfig } from './types';

/** id → config type, one member per dataset folder (added by its schema.ts with `declare module`). */
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
  /** set when the dataset has a training recipe (MultiMNIST: its paper's); applied when the dataset is picked, unset fields take the default experiment's */
  training?: TrainingRecipe;
}

/** Optimiser settings and evaluation interval that suit a dataset. */
export interface TrainingRecipe {
  optimizer?: Partial<Omit<OptimizerConfig, 'momentum'>>;
  /** evaluate every this many steps */
  evalEvery?: number;
}

/** A dataset's zod schema (schema.ts): validates an untrusted config (share link, JSON file, stored run), every size capped; an object with a literal `kind`, so usable in a discriminated union. */
export type DatasetSchema<K extends DatasetKind> = z.ZodType<ConfigOf<K>> & z.core.$ZodTypeDiscriminable;

/** A dataset registry entry. Methods (not function properties) so an entry of one kind is an entry of the union. */
export interface DatasetSpec<K extends DatasetKind = DatasetKind> {
  kind: K;
  label: string;
  /** one line for the menu's tooltip and the panel */
  description: string;
  /** position in the dataset menu, ascending */
  order: number;
  /** a fresh default config */
  make(): ConfigOf<K>;
  /** features per row the config produces */
  inputDim(ds: ConfigOf<K>): number;
  /** the tasks the config implies (fresh objects; label budget and noise at their defaults) */
  tasks(ds: ConfigOf<K>): TaskSpec[];
  /** the architecture that suits the dataset (its paper's where there is one), for these tasks */
  template(ds: ConfigOf<K>, tasks: TaskSpec[]): DatasetTemplate;
  /** a classification task's class names in class order (index = the class the data encodes); absent or undefined: class numbers. `table`: the session's CSV */
  classNames?(ds: ConfigOf<K>, taskId: string, table: CsvTable | null): readonly string[] | undefined;
  /** what one example is called in the preview's split line ("rows", "images" …) */
  noun: string;
  /** false: picking it in the menu shows its controls and keeps the experiment until they switch it (csv: a good upload) */
  switchOnPick: boolean;
  /** true: a multiclass task may ask for any number of classes (the generator cuts that many; csv checks them against the file) */
  freeClasses?: boolean;
  /** inputs are points in the plane, generated without files: the run view draws them under the decision boundaries */
  plane: boolean;
}

/** Type identity (not mutual assignability: that would let an optional extra field through). */
/** Kinds that have a spec.ts: each adds `<kind>: true` (declaration merging). */
export interface DatasetSpecKinds {}

type MissingSpecs = Exclude<DatasetKind, keyof DatasetSpecKinds>;
// Compiles only when every dataset folder with a schema.ts also has a spec.ts that registers itself; otherwise tsc names the kinds.
true satisfies [MissingSpecs] extends [never] ? true : { datasetsWithoutSpecTs: MissingSpecs };

/** Type-checked identity: a dataset entry with every piece. */
export function defineDataset<K extends DatasetKind>(spec: DatasetSpec<K>): DatasetSpec<K> {
  return spec;
}
