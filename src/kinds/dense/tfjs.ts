/** Dense builder: activation(x·W + b), W [fanIn, units] Glorot from the node's seed stream, b zeros. */
import { denseForward, denseVariables, type NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const [w, b] = denseVariables(ctx, Number(ctx.params.units));
  const activation = String(ctx.params.activation);
  return { variables: [w, b], forward: (inputs, training) => denseForward(inputs[0], w, b, activation, training) };
};
