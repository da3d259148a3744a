import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../defaults';
import { graphTemplate } from '../templates';
import { weightingSpec } from '../weighting';
import { hasKind, kindId, onDataset, onTemplate, strategyLabel, tplLabel, withStrategy } from './kit';

describe('lesson kit', () => {
  it('fails loudly when a registry id disappears', () => {
    expect(() => onTemplate('no-such-template')).toThrow(/unknown template "no-such-template"/);
    expect(() => withStrategy(defaultExperiment(), 'no-such-strategy')).toThrow(/unknown strategy/);
    expect(() => kindId('no-such-kind')).toThrow(/unknown node kind/);
    expect(() => tplLabel('nope')).toThrow(/unknown template/);
    expect(() => strategyLabel('nope')).toThrow(/unknown strategy/);
    expect(() => hasKind(defaultExperiment(), 'nope')).toThrow(/unknown node kind/);
  });

  it('builds from the registries: template graph and label, strategy with its default params, dataset with its template', () => {
    const cfg = onTemplate('mmoe');
    expect(cfg.graph).toEqual(graphTemplate('mmoe')!.build(cfg.tasks, 2));
    expect(hasKind(cfg, 'mmoe')).toBe(true);
    expect(hasKind(cfg, 'dense')).toBe(true);
    expect(hasKind(cfg, 'cgc')).toBe(false);
    expect(tplLabel('mmoe')).toBe(graphTemplate('mmoe')!.label);
    const w = withStrategy(defaultExperiment(), 'reward');
    expect(w.weighting.kind).toBe('reward');
    expect(w.weighting.params).toEqual({ eta: weightingSpec('reward')!.params[0].default });
    const seq = onDataset('sequences');
    expect(seq.dataset.kind).toBe('sequences');
    expect(hasKind(seq, 'bilstm')).toBe(true);
    expect(seq.weighting.kind).toBe('fixed');
  });
});
