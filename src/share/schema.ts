/** zod schema of a shared experiment (URL hash / JSON file). Everything a user brings is untrusted: sizes are capped. */
import { z } from 'zod';
import { isReservedKey, type ExperimentConfig } from '../model';

export const LIMITS = {
  /** characters of a share hash payload */
  hashChars: 200_000,
  /** characters of decompressed JSON */
  jsonChars: 1_000_000,
  nodes: 500,
  edges: 2000,
  tasks: 32,
} as const;

/** A name used as a key somewhere (node, edge, task, parameter, column): names every object inherits are refused. */
const key = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !isReservedKey(s), { message: 'is a reserved name (a property of every JavaScript object); rename it' });
const id = key(64);
const finite = (min: number, max: number) => z.number().finite().min(min).max(max);

const taskSchema = z.object({
  id,
  name: z.string().max(100),
  kind: z.enum(['binary', 'multiclass', 'regression']),
  classes: z.number().int().min(1).max(1000),
  labelBudget: finite(0.01, 1).optional(),
  labelNoise: finite(0, 100).optional(),
});

const column = key(200);

const datasetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('synthetic2d'),
    nPoints: z.number().int().min(20).max(20_000),
    relatedness: finite(0, 1),
    noise: finite(0, 1),
    valFraction: finite(0.05, 0.9),
  }),
  z.object({
    kind: z.literal('multimnist'),
    nTrain: z.number().int().min(10).max(20_000),
    nVal: z.number().int().min(10).max(5_000),
  }),
  z.object({
    kind: z.literal('penguins'),
    inputs: z.array(column).min(1).max(4),
    targets: z.array(column).min(1).max(4),
    valFraction: finite(0.05, 0.9),
  }),
  z.object({
    kind: z.literal('sequences'),
    nTrain: z.number().int().min(10).max(20_000),
    nVal: z.number().int().min(10).max(5_000),
    length: z.number().int().min(3).max(64),
    vocab: z.number().int().min(4).max(64),
  }),
  // Only the column choices: the file's contents never travel in a link.
  z.object({
    kind: z.literal('csv'),
    fileName: z.string().max(200),
    inputs: z.array(column).max(200),
    targets: z.array(z.object({ column, kind: z.enum(['binary', 'multiclass', 'regression']), classes: z.number().int().min(1).max(20) })).max(LIMITS.tasks),
    valFraction: finite(0.05, 0.9),
  }),
]);

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
}) satisfies z.ZodType<ExperimentConfig>;
