/** Bidirectional LSTM: a forward and a backward LSTM, their states joined (2·units). */
import { defineKind } from '../../model/nodes/spec';
import { LSTM_PARAMS, lstmShape } from '../lstm/spec';

export const spec = defineKind({
  kind: 'bilstm',
  label: 'Bidirectional LSTM',
  description: 'Two LSTMs, reading forwards and backwards; their states are joined (2·units).',
  category: 'layer',
  order: 150,
  params: LSTM_PARAMS,
  inputs: 'one',
  hasOutput: true,
  shape: lstmShape(2),
});
