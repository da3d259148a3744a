/** zod schema of a shared experiment (URL hash / JSON file). Everything a user brings is untrusted: sizes are capped. */
import { z } from 'zod';
import { DATASETS, MAX_SEEDS, type DatasetConfig, type DatasetKind, type DatasetSchema, type ExperimentConfig } from '../model';
// Not in model's index: the worker imports that index and never validates (zod stays out of its bundle).
import { finiteSchema, keySchema, MAX_TASKS } from '../model/schemaKit';
import { HIDE_KEYS } from '../model/lessons/hide';

export const LIMITS = {
  /** characters of a share hash payload */
  hashChars: 200_000,
  /** characters of decompressed JSON */
  jsonChars: 1_000_000,
  nodes: 500,
  edges: 2000,
  tasks: MAX_TASKS,
} as const;

const key = keySchema;
const id = key(64);
const finite = finiteSchema;

const taskSchema = z.object({
  id,
  name: z.string().max(100),
  kind: z.enum(['binary', 'multiclass', 'regression']),
  classes: z.number().int().min(1).max(1000),
  labelBudget: finite(0.01, 1).optional(),
  labelNoise: finite(0, 100).optional(),
});

const found = import.meta.glob<DatasetSchema<DatasetKind>>('../datasets/*/schema.ts', { eager: true, import: 'schema' });
/** Each dataset's own schema (src/datasets/<id>/schema.ts), by kind (= its folder's name). */
export const DATASET_SCHEMAS: ReadonlyMap<string, DatasetSchema<DatasetKind>> = new Map(Object.entries(found).map(([path, s]) => [path.split('/').at(-2)!, s]));

// In menu order; a kind without a schema has no config type and does not compile (model/datasetSpec.ts).
const datasetOptions = DATASETS.map((d) => DATASET_SCHEMAS.get(d.kind)!) as [DatasetSchema<DatasetKind>, ...DatasetSchema<DatasetKind>[]];
/** Its output is exactly DatasetConfig: both come from the same schemas (checked at the end of this file). */
export const datasetSchema = z.discriminatedUnion('kind', datasetOptions);

const nodeSchema = z.object({
  id,
  kind: key(64),
  params: z.record(key(64), z.union([z.number().finite(), z.string().max(200), z.boolean()])),
  position: z.object({ x: finite(-1e6, 1e6), y: finite(-1e6, 1e6) }),
});

const edgeSchema = z.object({
  id,
  source: id,
  sourceHandle: z.string().max(64).nullable().optional(),
  target: id,
  targetHandle: z.string().max(64).nullable().optional(),
});

export const experimentSchema = z.object({
  version: z.literal(1),
  name: z.string().max(200),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  dataSeed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  seeds: z.object({ count: z.number().int().min(1).max(MAX_SEEDS), varyData: z.boolean() }).optional(),
  deltaM: z.enum(['per-task', 'all-metrics']).optional(),
  dataset: datasetSchema,
  tasks: z.array(taskSchema).min(1).max(LIMITS.tasks),
  graph: z.object({
    nodes: z.array(nodeSchema).max(LIMITS.nodes),
    edges: z.array(edgeSchema).max(LIMITS.edges),
  }),
  optimizer: z.object({
    kind: z.enum(['adam', 'sgd']),
    learningRate: finite(1e-7, 10),
    momentum: finite(0, 0.999),
    batchSize: z.number().int().min(1).max(4096),
    steps: z.number().int().min(1).max(1_000_000),
  }),
  weighting: z.object({
    kind: key(64),
    params: z.record(key(64), z.union([z.number().finite(), z.string().max(200), z.boolean()])),
    weights: z.record(id, finite(0, 1000)),
  }),
  backend: z.enum(['auto', 'js', 'webgpu', 'webgl', 'wasm', 'cpu']),
  evalEvery: z.number().int().min(1).max(10_000),
  warmStart: z
    .object({ runId: z.string().min(1).max(300), runName: z.string().max(500), nodes: z.array(id).max(LIMITS.nodes) })
    .optional(),
  schedule: z
    .object({
      phase1Steps: z.number().int().min(0).max(1_000_000),
      phase1Tasks: z.array(id).max(LIMITS.tasks),
      freezeInPhase2: z.array(id).max(LIMITS.nodes),
    })
    .optional(),
  lesson: z.object({ id, hide: z.array(z.enum(HIDE_KEYS)).max(HIDE_KEYS.length) }).optional(),
  toy: z.object({ strategies: z.array(key(64)).max(64), start: z.tuple([finite(-10, 10), finite(-10, 10)]) }).optional(),
}) satisfies z.ZodType<ExperimentConfig>;

/** Type identity (not mutual assignability: that would let an optional extra field through). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// `satisfies` above accepts a dataset union that leaves a kind out (its output is still assignable); this does not.
true satisfies Same<z.output<typeof experimentSchema>['dataset'], DatasetConfig>;
