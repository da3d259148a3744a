import { describe, expect, it } from 'vitest';
import { defaultExperiment, showcaseStudy } from '../model';
import { decodeExperiment, encodeExperiment } from './codec';
import { decodeStudy, encodeStudy, parseStudy, studyHash, studyPayloadFromHash } from './study';

describe('study links', () => {
  it('round-trip a study through its hash', () => {
    const s = showcaseStudy();
    const text = studyPayloadFromHash(studyHash(s));
    const back = decodeStudy(text!);
    expect(back.ok && back.study).toEqual(s);
  });

  it('fill the fields a study leaves out with their defaults', () => {
    const back = parseStudy({ base: defaultExperiment(), knob: 'dataset.noise', values: [0, 0.1], arms: [{}] });
    expect(back.ok && back.study).toMatchObject({ version: 1, name: 'Study', seeds: { count: 5, varyData: false }, metric: { kind: 'deltaM' } });
  });

  it('refuse unknown templates, strategies and tasks, bad experiments and damaged text, with a message', () => {
    const s = showcaseStudy();
    const err = (raw: unknown) => {
      const r = parseStudy(raw);
      return r.ok ? null : r.error;
    };
    expect(err({ ...s, arms: [{ template: 'nope' }] })).toMatch(/unknown graph template "nope"/);
    expect(err({ ...s, arms: [{ weighting: 'nope' }] })).toMatch(/unknown strategy "nope"/);
    expect(err({ ...s, metric: { kind: 'task', taskId: 'nope' } })).toMatch(/task "nope"/);
    expect(err({ ...s, base: { ...s.base, optimizer: { ...s.base.optimizer, batchSize: -1 } } })).toMatch(/experiment.*optimizer\.batchSize/);
    expect(err({ ...s, values: [] })).toMatch(/values/);
    const bad = decodeStudy('v1.###');
    expect(bad.ok).toBe(false);
    expect(decodeStudy(encodeExperiment(defaultExperiment()).replace('v1.', 'v9.')).ok).toBe(false);
    expect(encodeStudy(s).startsWith('v1.')).toBe(true);
  });

  it('an experiment link keeps the toy landscape’s strategies and start; an old link without them still decodes', () => {
    const cfg = { ...defaultExperiment(), toy: { strategies: ['cagrad', 'mgda'], start: [3.5, -2] as [number, number] } };
    const back = decodeExperiment(encodeExperiment(cfg));
    expect(back.ok && back.config.toy).toEqual(cfg.toy);
    const old = decodeExperiment(encodeExperiment(defaultExperiment()));
    expect(old.ok && old.config.toy).toBeUndefined();
    const bad = decodeExperiment(encodeExperiment({ ...cfg, toy: { strategies: [], start: [30, 0] } }));
    expect(!bad.ok && bad.error).toMatch(/toy\.start/);
  });

  it('an experiment link carries no study', () => {
    expect(studyPayloadFromHash(`#e=${encodeExperiment(defaultExperiment())}`)).toBeNull();
  });
});
