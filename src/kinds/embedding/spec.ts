/** Embedding: a learned vector per token id, [L] ids → [L×dim]. */
import { FROZEN_PARAM, NEEDS_INPUT, defineKind, fmt } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'embedding',
  label: 'Embedding',
  description: 'Looks up a learned vector per token id: [L] ids → [L×dim].',
  category: 'layer',
  order: 130,
  params: [
    { key: 'vocab', label: 'Vocabulary size', type: 'int', min: 2, max: 100000, default: 100, help: 'ids outside [0, vocab − 1] are clamped' },
    { key: 'dim', label: 'Dimension', type: 'int', min: 1, max: 512, default: 8 },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  shape: (p, inputs) => {
    if (inputs.length === 0) return NEEDS_INPUT;
    const s = inputs[0];
    if (s.length !== 1) return `expects a vector of token ids [L], got ${fmt(s)}; add a Flatten`;
    return [s[0], Number(p.dim)];
  },
  // FGSM needs inputs one can move by ε: not token ids.
  fgsm: false,
});
