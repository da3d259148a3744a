import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('dselectk fast kernel', () => {
  checkFastParity('dselectk', [
    ['the dselectk template', (c) => (c.graph = graphTemplate('dselectk')!.build(c.tasks, 2))],
    // 8 experts (3-bit codes), k = 3, a narrow smooth step that saturates within the run
    ['8 experts, k = 3, γ = 0.2', (c) => {
      c.graph = graphTemplate('dselectk')!.build(c.tasks, 2);
      Object.assign(c.graph.nodes.find((n) => n.kind === 'dselectk')!.params, { experts: 8, k: 3, units: 6, gamma: 0.2 });
    }],
  ]);
});
