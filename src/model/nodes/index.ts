/** The node-kind registry: one entry per kind (id, label, params, arity, shape rule). Builders live in src/train. */
import { add, concat, dense, dropout, flatten, head, input, reshape } from './basic';
import { conv2d, globalavgpool, maxpool2d } from './conv';
import { care, cgc, crossstitch, ensemble, mmoe, tam, taskattention } from './fusion';
import { batchnorm, layernorm, residual } from './norm';
import { bilstm, embedding, lstm } from './sequence';
import type { NodeKindSpec } from './spec';

export { ACTIVATIONS, FROZEN_PARAM, hasWeights, outHandle, outputCount, headUnits, type Activation, type NodeCategory, type NodeKindSpec, type Shape, type ShapeContext } from './spec';
export { reshapeTarget, resolveReshape } from './basic';
export { ENSEMBLE_COMBINE, tamTokens } from './fusion';

/** Every kind, in palette order. */
export const NODE_KINDS: readonly NodeKindSpec[] = [
  input,
  dense,
  dropout,
  concat,
  add,
  flatten,
  reshape,
  layernorm,
  batchnorm,
  residual,
  conv2d,
  maxpool2d,
  globalavgpool,
  embedding,
  lstm,
  bilstm,
  crossstitch,
  taskattention,
  mmoe,
  cgc,
  tam,
  care,
  ensemble,
  head,
];

const byKind = new Map(NODE_KINDS.map((k) => [k.kind, k]));

/** Registry lookup; undefined for an unknown kind. */
export function nodeKind(kind: string): NodeKindSpec | undefined {
  return byKind.get(kind);
}
