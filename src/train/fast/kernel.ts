/**
 * The per-kind contract of the JS engine (src/kinds/<kind>/fast.ts): a kernel compiles one node into a layer
 * that runs forward and backward over flat row-major Float32Arrays. Parameters live in one flat array P,
 * reserved through `ctx.param` in the tfjs builder's variable order with the same initial values, so both
 * engines start from identical weights. Every buffer a layer needs is made once per batch size (`scratch`);
 * forward and backward allocate nothing.
 */
import type { ParamValue, Shape, TaskSpec } from '../../model';
import { deriveSeed, makeRng, type Rng } from '../../data';

/** What a kernel may read while compiling one node. */
export interface FastContext {
  id: string;
  /** params coerced to the kind's descriptors */
  params: Record<string, ParamValue>;
  /** input shapes (batch excluded), in incoming-edge order */
  inShapes: Shape[];
  /** output shapes (batch excluded), in handle order */
  outShapes: Shape[];
  tasks: TaskSpec[];
  /** the node's weight stream (the tfjs builder's nodeRng: same draws in the same order give the same weights) */
  rng: Rng;
  /** a seed for one purpose of this node, from (experiment seed, purpose, node id) only */
  seedFor(purpose: string): number;
  /** reserves a trainable tensor in P (call in the tfjs builder's variable order); returns its offset in P */
  param(shape: number[], init: Float32Array | number): number;
  /** reserves a non-trained state tensor (BatchNorm's running statistics) in S, after the params in snapshots; returns its offset in S */
  state(shape: number[], init: Float32Array | number): number;
}

/**
 * One node's view of a set of buffers, made once per batch size. `ins[i]` is [B, size of input i];
 * `outs[k]` [B, size of output k]. `dOuts[k]` holds ∂L/∂outs[k] when backward runs (the layer may overwrite it);
 * backward adds ∂L/∂ins[i] into `dIns[i]` (null: not wanted).
 */
export interface NodeIO {
  B: number;
  ins: Float32Array[];
  outs: Float32Array[];
  dIns: (Float32Array | null)[];
  dOuts: Float32Array[];
  /** the layer's own working arrays for B rows (from FastLayer.scratch) */
  scratch: Float32Array[];
  /** set before each forward: training mode (dropout, BatchNorm batch statistics) and the step (seeds) */
  training: boolean;
  step: number;
}

/** A live table (mixing matrix, mean gate weights) as the tfjs engine reports it; values row-major [rows, cols]. */
export interface FastTable {
  title: string;
  note: string;
  rowLabels: string[];
  colLabels: string[];
  rows: number;
  cols: number;
  values: number[];
}

/** A compiled node. */
export interface FastLayer {
  /** forward multiply-adds per example (Auto's size rule) */
  macs: number;
  /** working arrays for B rows: what forward keeps for backward, and backward's temporaries */
  scratch?(B: number): Float32Array[];
  /** outs ← f(ins) with parameters P and state S */
  forward(io: NodeIO, P: Float32Array, S: Float32Array): void;
  /** after forward on the same io: adds ∂L/∂params into G (at the params' offsets) and ∂L/∂ins into dIns */
  backward(io: NodeIO, P: Float32Array, G: Float32Array): void;
  /** the table the tfjs builder's inspect shows, from the last forward over io (inference mode) */
  inspect?(io: NodeIO, P: Float32Array): FastTable;
}

/** A kind's fast kernel: compiles one node (reserving its parameters) into a layer. */
export type FastKernel = (ctx: FastContext) => FastLayer;

/** Elements per example of a shape (batch excluded). */
export const sizeOf = (s: Shape): number => s.reduce((a, d) => a * d, 1);

/** The stream of a stochastic layer's draws at `step`, from the node's purpose seed (seedFor): reruns draw alike. */
export const stepRng = (base: number, step: number): Rng => makeRng(deriveSeed(base, String(step)));

/** A node's seed for `purpose`, as the tfjs builders' stepSeed derives it. */
export const purposeSeed = (seed: number, purpose: string, id: string): number => deriveSeed(seed, `${purpose}:${id}`);
