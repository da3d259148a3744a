/** LSTM: long short-term memory over a sequence [L, D]. Its params and shape rule are shared with the Bidirectional LSTM. */
import { FROZEN_PARAM, defineKind, needSequence, type NodeKindSpec } from '../../model/nodes/spec';

/** Units, return sequences, frozen: the params of both LSTM kinds. */
export const LSTM_PARAMS = [
  { key: 'units', label: 'Units', type: 'int', min: 1, max: 512, default: 16 },
  { key: 'returnSequences', label: 'Return sequences', type: 'bool', default: false, help: 'output every step [L×units] instead of the last [units]' },
  FROZEN_PARAM,
] as const;

/** [L, factor·units] with returnSequences, else [factor·units]: factor 1 for an LSTM, 2 for a bidirectional one. */
export const lstmShape =
  (factor: number): NodeKindSpec['shape'] =>
  (p, inputs) => {
    const err = needSequence(inputs);
    if (err) return err;
    const width = factor * Number(p.units);
    return p.returnSequences ? [inputs[0][0], width] : [width];
  };

export const spec = defineKind({
  kind: 'lstm',
  label: 'LSTM',
  description: 'Long short-term memory over a sequence [L×D]: the last hidden state, or all of them.',
  category: 'layer',
  order: 140,
  params: LSTM_PARAMS,
  inputs: 'one',
  hasOutput: true,
  shape: lstmShape(1),
});
