/** Shared pieces of the node builders (src/kinds/<kind>/tfjs.ts): the builder contract, variable creation, seeded init, activations, dense math. */
import * as tf from '@tensorflow/tfjs-core';
import type { GraphNode, ParamValue, Shape, TaskSpec } from '../../model';
import { deriveSeed, makeRng, type Rng } from '../../data';
import { glorotUniform, initTag } from '../init';

export { initWeights } from '../init';

export type { Rng } from '../../data';

/** Everything a builder may need to create one node's variables and forward function. */
export interface NodeBuildContext {
  node: GraphNode;
  /** params coerced to the kind's descriptors (always complete and in range) */
  params: Record<string, ParamValue>;
  /** input shapes (batch excluded), in incoming-edge order */
  inShapes: Shape[];
  /** the node's inferred output shape (batch excluded); the first output's for a multi-output node */
  outShape: Shape;
  /** every output's shape, in handle order (out0, out1, …); [outShape] for a single-output node */
  outShapes: Shape[];
  /** experiment seed; derive per-purpose streams from it */
  seed: number;
  tasks: TaskSpec[];
}

/** A built node: its trainable variables and a forward function over batched tensors. */
export interface BuiltNode {
  /** trainable variables only (the optimiser and tf.variableGrads see exactly these); freed by the model */
  variables: tf.Variable[];
  /** inputs are [batch, …] tensors in incoming-edge order; `step` seeds stochastic layers; one tensor per output for a multi-output node */
  forward(inputs: tf.Tensor[], training: boolean, step: number): tf.Tensor | tf.Tensor[];
  /** non-trained state that belongs in weight snapshots after `variables` (BatchNorm's running mean and variance) */
  state?: tf.Variable[];
  /** frees state that is not in `variables` (e.g. BatchNorm's running statistics) */
  dispose?(): void;
  /** a table worth watching live (mixing matrix, mean gate weights), from a batch of the node's inputs in inference mode; see NodeInspection */
  inspect?(inputs: tf.Tensor[]): InspectTable;
}

/** A node's live table before reading: `values` is [rows, cols] (a new tensor; the caller frees it). */
export interface InspectTable {
  title: string;
  note: string;
  rowLabels: string[];
  colLabels: string[];
  values: tf.Tensor2D;
}

export type NodeBuilder = (ctx: NodeBuildContext) => BuiltNode;

/** A variable holding `values`; the staging tensor is freed (tf.variable copies it). */
export function makeVariable(values: Float32Array, shape: number[], trainable = true): tf.Variable {
  const init = tf.tensor(values, shape, 'float32');
  const v = tf.variable(init, trainable);
  init.dispose();
  return v;
}

/** A variable of `shape` filled with `value` (zero biases, unit gains). */
export function filledVariable(shape: number[], value: number, trainable = true): tf.Variable {
  return makeVariable(new Float32Array(shape.reduce((a, d) => a * d, 1)).fill(value), shape, trainable);
}

/** The node's own weight stream: same (seed, node id) → same weights, in both engines. */
export const nodeRng = (ctx: NodeBuildContext): Rng => makeRng(deriveSeed(ctx.seed, initTag(ctx.node.id)));

/** Seed of a stochastic layer's draw at `step`: depends on (experiment seed, `purpose`, node, step) only, so reruns draw alike. */
export function stepSeed(ctx: NodeBuildContext, purpose: string): (step: number) => number {
  const base = deriveSeed(ctx.seed, `${purpose}:${ctx.node.id}`);
  return (step) => deriveSeed(base, String(step));
}

/**
 * Dense weights [fanIn, units] (Glorot from the node's own seed stream) and zero bias [units].
 * Always Glorot, whatever the activation: the JS engine (src/train/fast) draws the same numbers.
 */
export function denseVariables(ctx: NodeBuildContext, units: number): [tf.Variable, tf.Variable] {
  const fanIn = ctx.inShapes[0][0];
  return [makeVariable(glorotUniform(fanIn, units, nodeRng(ctx)), [fanIn, units]), makeVariable(new Float32Array(units), [units])];
}

/** The browser's activations by name; 'linear' (or anything unknown) is the identity. */
export function activate(x: tf.Tensor, activation: string): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'elu':
      return tf.elu(x);
    default:
      return x;
  }
}

export type FusableActivation = 'linear' | 'relu' | 'elu' | 'sigmoid';
export const FUSABLE = new Set<string>(['linear', 'relu', 'elu', 'sigmoid']);

/**
 * Operands at least this big are transposed by an explicit Transpose kernel in the backward
 * pass: tfjs-wasm's BatchMatMul with a transpose flag is 10–15× slower than Transpose + plain
 * BatchMatMul (784×256 layer: ~25 ms vs ~2–5 ms); for small operands the extra kernel costs more.
 */
const EXPLICIT_TRANSPOSE_MIN = 16384;

/** a·bᵀ */
function matMulBT(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return b.size >= EXPLICIT_TRANSPOSE_MIN ? tf.matMul(a, tf.transpose(b)) : tf.matMul(a, b, false, true);
}

/** aᵀ·b */
function matMulAT(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return a.size >= EXPLICIT_TRANSPOSE_MIN ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, b, true, false);
}

/** x·W ([n,k]·[k,m]) with a hand-written gradient (dx = dy·Wᵀ, dW = xᵀ·dy) that picks the fast transpose per operand size. */
export const matMulTrained = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      return [matMulBT(dy as tf.Tensor2D, ws), matMulAT(xs, dy as tf.Tensor2D)];
    },
  };
}) as Parameters<typeof tf.customGrad>[0]) as (x: tf.Tensor, w: tf.Tensor) => tf.Tensor;

/**
 * x·W + b then activation. Training uses matMul + add (tfjs's fused kernel only fuses the bias
 * while recording gradients, and its wrapper costs more kernels than it saves); evaluation uses
 * the fully fused kernel.
 */
export function denseForward(x: tf.Tensor, w: tf.Variable, b: tf.Variable, activation: string, training: boolean): tf.Tensor {
  if (!training && FUSABLE.has(activation)) {
    return tf.fused.matMul({ a: x as tf.Tensor2D, b: w as tf.Tensor2D, bias: b, activation: activation as FusableActivation });
  }
  return activate(tf.add(matMulTrained(x, w), b), activation);
}
