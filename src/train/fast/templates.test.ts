/**
 * The JS engine against the tfjs engine on every graph template (the default 2D dataset, equal weighting) and on
 * a fusion template under strategies that read per-task gradients, the representation or the losses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES, graphTemplate, type ExperimentConfig } from '../../model';
import { useCpuBackend } from '../testing';
import { autoPicksJs } from '../engine';
import { configWith, expectParity } from './testing';

beforeAll(useCpuBackend);

const onTemplate = (id: string, edit: (c: ExperimentConfig) => void = () => {}) =>
  configWith((c) => {
    c.graph = graphTemplate(id)!.build(c.tasks, 2);
    edit(c);
  });

describe('JS engine parity on the graph templates', () => {
  it.each(TEMPLATES.map((t) => [t.id]))('%s: losses and weights match tfjs over 50 steps, and Auto picks the JS engine', async (id) => {
    const cfg = onTemplate(id);
    expect(autoPicksJs(cfg, 2).js).toBe(true);
    await expectParity(cfg);
  }, 60_000);
});

describe('JS engine parity under strategies (MMoE template)', () => {
  const weighting = (kind: string, params: Record<string, string | number> = {}) => (c: ExperimentConfig) => {
    c.weighting = { kind, params, weights: c.weighting.weights };
  };
  it.each([
    ['pcgrad', weighting('pcgrad')],
    ['uncertainty', weighting('uncertainty')],
    ['mgda on the representation', weighting('mgda', { normalize: 'none', on: 'representation' })],
  ])('%s', async (_name, edit) => {
    await expectParity(onTemplate('mmoe', edit));
  }, 60_000);
});
