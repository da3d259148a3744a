/** Conv2D: a 2-D convolution over an [H, W, C] feature map. */
import { ACTIVATIONS, FROZEN_PARAM, PADDINGS, defineKind, needImage, slide } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'conv2d',
  label: 'Conv2D',
  description: '2-D convolution over an [H×W×C] map: k×k filters sliding with a stride.',
  category: 'layer',
  order: 100,
  params: [
    { key: 'filters', label: 'Filters', type: 'int', min: 1, max: 256, default: 8 },
    { key: 'kernel', label: 'Kernel size', type: 'int', min: 1, max: 11, default: 3 },
    { key: 'stride', label: 'Stride', type: 'int', min: 1, max: 8, default: 1 },
    { key: 'padding', label: 'Padding', type: 'select', options: PADDINGS, default: 'same' },
    { key: 'activation', label: 'Activation', type: 'select', options: ACTIVATIONS, default: 'relu' },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  shape: (p, inputs) => {
    const err = needImage(inputs);
    if (err) return err;
    const hw = slide(inputs[0], Number(p.kernel), Number(p.stride), String(p.padding), 'kernel');
    return typeof hw === 'string' ? hw : [...hw, Number(p.filters)];
  },
  // tfjs-wasm has no Conv2DBackpropFilter kernel.
});
