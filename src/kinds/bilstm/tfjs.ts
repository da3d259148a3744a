/** Bidirectional LSTM builder: forward and backward cells (drawn in that order from the node's stream); outputs joined on the last axis, forward first. */
import * as tf from '@tensorflow/tfjs-core';
import { nodeRng, type NodeBuilder } from '../../train/layers/common';
import { cellOutput, makeCell, runCell } from '../lstm/tfjs';

export const builder: NodeBuilder = (ctx) => {
  const units = Number(ctx.params.units);
  const sequences = Boolean(ctx.params.returnSequences);
  const rng = nodeRng(ctx);
  const fwd = makeCell(ctx.inShapes[0][1], units, rng);
  const bwd = makeCell(ctx.inShapes[0][1], units, rng);
  return {
    variables: [fwd.w, fwd.u, fwd.b, bwd.w, bwd.u, bwd.b],
    forward: (inputs) => {
      const a = cellOutput(runCell(fwd, inputs[0], units, false), false, sequences);
      const b = cellOutput(runCell(bwd, inputs[0], units, true), true, sequences);
      return tf.concat([a, b], -1);
    },
  };
};
