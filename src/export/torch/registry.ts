/** The per-kind PyTorch exporter registry: one entry per node kind in src/model's NODE_KINDS (keyed by kind id). */
import { add, concat, dense, dropout, flatten, head, input, reshape } from './kinds/basic';
import { conv2d, globalavgpool, maxpool2d } from './kinds/conv';
import { care, cgc, crossstitch, ensemble, mmoe, tam, taskattention } from './kinds/fusion';
import { batchnorm, layernorm, residual } from './kinds/norm';
import { bilstm, embedding, lstm } from './kinds/sequence';
import type { TorchExporter } from './types';

/** Exporter per node kind id; every kind in NODE_KINDS must have an entry (registry.test.ts checks). */
export const TORCH_EXPORTERS: Record<string, TorchExporter> = {
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
