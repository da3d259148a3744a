import { describe } from 'vitest';
import { graphTemplate, type ExperimentConfig } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

/** The ltb template with `params` on its LTB node. */
const ltb = (params: Record<string, number | boolean>) => (c: ExperimentConfig) => {
  c.graph = graphTemplate('ltb')!.build(c.tasks, 2);
  Object.assign(c.graph.nodes.find((n) => n.kind === 'ltb')!.params, params);
};

describe('ltb fast kernel', () => {
  checkFastParity('ltb', [
    // Gumbel noise on: both engines draw it from the node's seeded stream, step by step
    ['the ltb template (Gumbel noise, seeded)', ltb({})],
    ['noise-free softmax relaxation, fast annealing', ltb({ noise: false, tau: 3, anneal: 5 })],
    ['one inner level of 3 blocks', ltb({ depth: 1, width: 3, units: 8 })],
  ]);
});
