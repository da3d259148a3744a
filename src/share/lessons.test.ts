import { describe, expect, it } from 'vitest';
import { analyzeExperiment, defaultExperiment, weightingSpec } from '../model';
import { HIDE_KEYS, isHidden, LESSONS, lessonById, lessonExperiment } from '../model/lessons';
import { decodeExperiment, encodeExperiment, hashFor, parseExperiment, payloadFromHash } from './codec';
import { lessonHash } from './lessons';

describe('lesson links', () => {
  it('there are at least six lessons with distinct ids, each with steps', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(lessonById(l.id)).toBe(l);
    }
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });

  for (const lesson of LESSONS) {
    it(`"${lesson.id}" decodes from its link to a valid, trainable experiment carrying the lesson`, () => {
      const cfg = lessonExperiment(lesson);
      const res = decodeExperiment(payloadFromHash(hashFor(cfg))!);
      expect(res.ok, res.ok ? '' : res.error).toBe(true);
      if (!res.ok) return;
      expect(res.warnings).toEqual([]);
      expect(res.config).toEqual(cfg);
      expect(res.config.lesson).toEqual({ id: lesson.id, hide: lesson.hide });
      const analysis = analyzeExperiment(res.config);
      expect(analysis.ok, analysis.firstError ?? '').toBe(true);
      expect(weightingSpec(res.config.weighting.kind)).toBeDefined();
      for (const k of HIDE_KEYS) expect(isHidden(res.config, k)).toBe(lesson.hide.includes(k));
    });
  }

  it('no step is done on a fresh lesson with no runs (a check that is always true teaches nothing)', () => {
    for (const l of LESSONS) {
      const cfg = lessonExperiment(l);
      for (const s of l.steps) if (s.check) expect(s.check.done({ config: cfg, runs: [] }), `${l.id}: ${s.check.label}`).toBe(false);
    }
  });

  it('a "trained" check ticks once a finished run of a matching config exists, not for a failed one or a baseline', () => {
    const l = lessonById('hard-sharing')!;
    const cfg = lessonExperiment(l);
    const check = l.steps[1].check!;
    expect(check.done({ config: cfg, runs: [{ config: cfg, status: 'failed', kind: 'mtl' }] })).toBe(false);
    expect(check.done({ config: cfg, runs: [{ config: cfg, status: 'done', kind: 'baseline' }] })).toBe(false);
    expect(check.done({ config: cfg, runs: [{ config: cfg, status: 'done', kind: 'mtl' }] })).toBe(true);
    const unrelated = structuredClone(cfg);
    if (unrelated.dataset.kind === 'synthetic2d') unrelated.dataset.relatedness = 0;
    expect(check.done({ config: cfg, runs: [{ config: unrelated, status: 'done', kind: 'mtl' }] })).toBe(false);
    expect(l.steps[3].check!.done({ config: cfg, runs: [{ config: unrelated, status: 'done', kind: 'mtl' }] })).toBe(true);
  });

  it('every hideable control round-trips through a link, alone and all together', () => {
    for (const hide of [...HIDE_KEYS.map((k) => [k]), [...HIDE_KEYS]]) {
      const cfg = { ...defaultExperiment(), lesson: { id: 'x', hide } };
      const res = decodeExperiment(encodeExperiment(cfg));
      expect(res.ok && res.config.lesson).toEqual({ id: 'x', hide });
    }
  });

  it('an old link without a lesson decodes with nothing hidden and no warning', () => {
    const res = decodeExperiment(encodeExperiment(defaultExperiment()));
    expect(res.ok && res.config.lesson).toBeUndefined();
    expect(res.ok && res.warnings).toEqual([]);
    for (const k of HIDE_KEYS) expect(isHidden(res.config, k)).toBe(false);
  });

  it('a newer version’s unknown hidden control is dropped with a warning; a malformed lesson is rejected', () => {
    const res = parseExperiment({ ...defaultExperiment(), lesson: { id: 'x', hide: ['strategy', 'timemachine'] } });
    expect(res.ok && res.config.lesson).toEqual({ id: 'x', hide: ['strategy'] });
    expect(res.ok && res.warnings.join(' ')).toContain('lesson');
    for (const bad of [{ id: '', hide: [] }, { id: 'x' }, { id: 'x', hide: 'strategy' }]) {
      const r = parseExperiment({ ...defaultExperiment(), lesson: bad });
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.error).toContain('lesson');
    }
  });
});

describe('lessonHash', () => {
  it('is the share hash of the lesson’s experiment', () => {
    for (const l of LESSONS) {
      const res = decodeExperiment(payloadFromHash(lessonHash(l))!);
      expect(res.ok && res.config).toEqual(lessonExperiment(l));
    }
  });
});
