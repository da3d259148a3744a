/** Input builder: passes the features [batch, inputDim] through. */
import type { NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = () => ({ variables: [], forward: (inputs) => inputs[0] });
