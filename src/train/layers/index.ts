/**
 * Node-kind builders: one registry entry per graph node kind (keyed by the kind id
 * used in src/model/nodes). A new kind (cross-stitch, MoE, …) is one more entry.
 */
import { add, concat, dense, dropout, flatten, head, input, reshape } from './basic';
import { conv2d, globalavgpool, maxpool2d } from './conv';
import { care, cgc, crossstitch, ensemble, mmoe, tam, taskattention } from './fusion';
import { batchnorm, layernorm, residual } from './norm';
import { bilstm, embedding, lstm } from './sequence';
import type { NodeBuilder } from './common';

export { glorotUniform } from '../init';
export { crossStitchInit, type TamNode } from './fusion';
export { matMulTrained, type BuiltNode, type InspectTable, type NodeBuildContext, type NodeBuilder } from './common';

/** Builder per node kind id; every kind in src/model's NODE_KINDS must have an entry here. */
export const NODE_BUILDERS: Record<string, NodeBuilder> = {
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
};
