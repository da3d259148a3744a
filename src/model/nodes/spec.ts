/** The node-kind contract and the shape helpers shared by the kinds' specs (src/kinds/<kind>/spec.ts). */
import type { ParamSpec, ParamValue } from '../params';
import type { TaskSpec } from '../types';

/** A tensor shape without the batch dimension. */
export type Shape = number[];

export interface ShapeContext {
  inputDim: number;
  tasks: TaskSpec[];
}

export type NodeCategory = 'io' | 'layer' | 'merge' | 'head';

/** What every kind declares, whatever its number of outputs. `K` is its id, which is also its folder name in src/kinds. */
interface KindBase<K extends string> {
  kind: K;
  label: string;
  /** one line for the palette and tooltips */
  description: string;
  category: NodeCategory;
  /** palette position: kinds are listed by ascending order (ties by id) */
  order: number;
  params: readonly ParamSpec[];
  /** how many incoming edges the node takes */
  inputs: 'none' | 'one' | 'many';
  hasOutput: boolean;
  /** Output shape from input shapes (one per output, in handle order, for multi-output kinds), or a human-readable error. */
  shape(params: Record<string, ParamValue>, inputs: Shape[], ctx: ShapeContext): Shape | Shape[] | string;
  /** The canvas node's one-line parameter summary from its raw params, e.g. "16 · relu"; none when absent. */
  summary?(params: Record<string, ParamValue>, tasks: TaskSpec[]): string;
  /** false: FGSM robustness is not measured for graphs with this kind (its input cannot be moved by ε, e.g. token ids); absent: it is. */
  fgsm?: boolean;
}

/** A kind with one output (or none: a head). */
interface SingleOutputKind<K extends string> extends KindBase<K> {
  outputs?: undefined;
  baseline?: undefined;
}

/** A kind with one output per task (handles out0…out{T−1}, output k belongs to task k). */
interface PerTaskKind<K extends string> extends KindBase<K> {
  /** Number of output handles (out0, out1, …). */
  outputs(params: Record<string, ParamValue>, ctx: ShapeContext): number;
  /**
   * How a single-task baseline keeps this module for task t: 'own-output' keeps task t's output (as out0);
   * 'bypass' drops the module and wires task t's input stream on (a stream mixer has nothing to mix alone).
   */
  baseline: 'own-output' | 'bypass';
}

/** A node kind: the spec in src/kinds/<kind>/spec.ts (label, params, arity, shape rule and per-kind facts). */
export type NodeKindSpec<K extends string = string> = SingleOutputKind<K> | PerTaskKind<K>;

/** Declares a kind's spec, keeping its id as a literal type so the registry can check it against the folder name. */
export const defineKind = <const K extends string>(spec: NodeKindSpec<K>): NodeKindSpec<K> => spec;

/** The spec registry's type: every entry's `kind` is its key (its folder name). */
export type KindRegistry<T> = { readonly [K in keyof T]: NodeKindSpec<K & string> };

/** Checks (at compile time) that each spec sits under its own id; returns the registry unchanged. */
export const kindRegistry = <T extends KindRegistry<T>>(registry: T): T => registry;

/** Output-handle id of output k: out0, out1, … (single-output nodes use no handle id). */
export const outHandle = (k: number): string => `out${k}`;

/** How many outputs a node of this kind has (1 unless the kind says otherwise; 0 without output). */
export function outputCount(spec: NodeKindSpec, params: Record<string, ParamValue>, ctx: ShapeContext): number {
  if (!spec.hasOutput) return 0;
  return spec.outputs ? spec.outputs(params, ctx) : 1;
}

/** Param `frozen`: every kind with weights has it; frozen weights are left out of training (on both engines). */
export const FROZEN_PARAM = {
  key: 'frozen',
  label: 'Frozen',
  type: 'bool',
  default: false,
  help: 'keep this layer’s weights fixed at their initial values (a "proxy" layer); runs on the tfjs engine',
} as const;

/** True when the kind has weights (it declares the `frozen` param). */
export const hasWeights = (spec: NodeKindSpec): boolean => spec.params.some((p) => p.key === 'frozen');

/** One output per task: the shared rule of multi-output fusion kinds. */
export const perTask = (_p: Record<string, ParamValue>, ctx: ShapeContext): number => ctx.tasks.length;

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Output width of a task head: 1 logit for binary and regression, one per class otherwise. */
export function headUnits(task: TaskSpec): number {
  return task.kind === 'multiclass' ? task.classes : 1;
}

/** A shape as users read it: [28×28×1]. */
export const fmt = (s: Shape): string => `[${s.join('×')}]`;

/** Number of scalars in one example of this shape. */
export const sizeOf = (s: Shape): number => s.reduce((a, d) => a * d, 1);

export const NEEDS_INPUT = 'needs an input edge';

/** Error unless the single input is a vector [D]. */
export function needVector(inputs: Shape[]): string | null {
  if (inputs.length === 0) return NEEDS_INPUT;
  const s = inputs[0];
  if (s.length !== 1) return `expects a vector input, got ${fmt(s)}; add a Flatten`;
  return null;
}

/** Error unless the single input is a feature map [H, W, C]. */
export function needImage(inputs: Shape[]): string | null {
  if (inputs.length === 0) return NEEDS_INPUT;
  const s = inputs[0];
  if (s.length !== 3) return `expects an image input [H×W×C], got ${fmt(s)}; add a Reshape`;
  return null;
}

/** Error unless the single input is a sequence [L, D]. */
export function needSequence(inputs: Shape[]): string | null {
  if (inputs.length === 0) return NEEDS_INPUT;
  const s = inputs[0];
  if (s.length !== 2) return `expects a sequence input [L×D], got ${fmt(s)}; add an Embedding or a Reshape`;
  return null;
}

/**
 * Output length of a sliding window along one axis (TensorFlow's rule): "same" pads so that
 * out = ⌈n / stride⌉; "valid" uses only full windows, out = ⌊(n − k) / stride⌋ + 1 (0 when k > n).
 */
export function windowOut(n: number, k: number, stride: number, padding: string): number {
  return padding === 'same' ? Math.ceil(n / stride) : n < k ? 0 : Math.floor((n - k) / stride) + 1;
}

export const PADDINGS = ['valid', 'same'] as const;

/** [outH, outW] of a k×k window with a stride over an [H, W, C] map, or why it does not fit (`what`: "kernel", "pool"). */
export function slide(input: Shape, k: number, stride: number, padding: string, what: string): [number, number] | string {
  const [h, w] = input;
  const oh = windowOut(h, k, stride, padding);
  const ow = windowOut(w, k, stride, padding);
  if (oh < 1 || ow < 1) return `${what} ${k}×${k} does not fit the ${h}×${w} input with valid padding; use same padding or a smaller ${what}`;
  return [oh, ow];
}

/** Normalisation keeps the shape; it needs at least one axis to normalise over. */
export function normalisedShape(inputs: Shape[]): Shape | string {
  if (inputs.length === 0) return NEEDS_INPUT;
  if (inputs[0].length === 0) return `cannot normalise a scalar input ${fmt(inputs[0])}`;
  return [...inputs[0]];
}

const same = (a: Shape, b: Shape) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Error unless there is one input stream per task, all of the same shape (vectors only when `vectorsOnly`). */
export function needStreams(inputs: Shape[], ctx: ShapeContext, vectorsOnly: boolean): string | null {
  const t = ctx.tasks.length;
  if (inputs.length === 0) return `needs one input edge per task (${t}), in task order`;
  if (inputs.length !== t) return `needs one input edge per task (${t}), got ${inputs.length}`;
  const bad = inputs.find((s) => !same(s, inputs[0]));
  if (bad) return `input streams must all have the same shape, got ${fmt(inputs[0])} and ${fmt(bad)}`;
  if (vectorsOnly && inputs[0].length !== 1) return `expects vector streams, got ${fmt(inputs[0])}; add a Flatten`;
  return null;
}

/** One copy of shape `s` per task: the outputs of a module that keeps its input shape. */
export const copies = (s: Shape, ctx: ShapeContext): Shape[] => ctx.tasks.map(() => [...s]);
