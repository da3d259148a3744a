/** MaxPool2D: the largest value of each pool×pool window, per channel. */
import { PADDINGS, defineKind, needImage, slide } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'maxpool2d',
  label: 'MaxPool2D',
  description: 'Keeps the largest value of each pool×pool window, per channel.',
  category: 'layer',
  order: 110,
  params: [
    { key: 'pool', label: 'Pool size', type: 'int', min: 1, max: 8, default: 2 },
    { key: 'stride', label: 'Stride', type: 'int', min: 1, max: 8, default: 2 },
    { key: 'padding', label: 'Padding', type: 'select', options: PADDINGS, default: 'valid' },
  ],
  inputs: 'one',
  hasOutput: true,
  shape: (p, inputs) => {
    const err = needImage(inputs);
    if (err) return err;
    const hw = slide(inputs[0], Number(p.pool), Number(p.stride), String(p.padding), 'pool');
    return typeof hw === 'string' ? hw : [...hw, inputs[0][2]];
  },
  // tfjs-wasm has no MaxPoolGrad kernel.
});
