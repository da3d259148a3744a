/** Flatten: unrolls any input into one vector (row-major). */
import { NEEDS_INPUT, defineKind, sizeOf } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'flatten',
  label: 'Flatten',
  description: 'Unrolls any input into one feature vector (e.g. [H×W×C] → [H·W·C]).',
  category: 'layer',
  order: 50,
  params: [],
  inputs: 'one',
  hasOutput: true,
  shape: (_p, inputs) => (inputs.length === 0 ? NEEDS_INPUT : [sizeOf(inputs[0])]),
});
