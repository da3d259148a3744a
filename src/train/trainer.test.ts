/** The shared step skeleton over a scripted engine: which events a strategy gets, with which numbers. */
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { assembleTrainer, trainingSetup, type EngineCore, type Probe } from './trainer';
import type { Strategy } from './weighting';

/** An engine whose step s reads losses (s, 10·s); it trains nothing real. */
function scriptedEngine(): EngineCore {
  return {
    paramCount: 0,
    trains: () => true,
    hasShared: () => false,
    startEpoch() {},
    probe: (s): Probe => ({ losses: [s, 10 * s], gram: null, solveGram: null }),
    update() {},
    lossesAfter: (s) => [s + 0.5, 10 * s + 0.5],
    release() {},
    takeEpochLosses: () => null,
    evaluate: async () => ({ trainLoss: [1, 1], valLoss: [1, 1], metric: [0, 0] }),
    predict: async () => [],
    inputGradient: async () => new Float32Array(0),
    weights: async () => [],
    inspect: async () => [],
    loadWeights: () => [],
    dispose() {},
  };
}

describe('a strategy that reads step losses', () => {
  it('also gets epochEnd with the epoch’s mean step losses (STCH’s warm-up counts epochs)', () => {
    const cfg = defaultExperiment();
    cfg.tasks = cfg.tasks.slice(0, 2);
    cfg.weighting = { kind: 'si-ls', params: {}, weights: {} };
    cfg.optimizer = { ...cfg.optimizer, batchSize: 2, steps: 6 };
    const setup = trainingSetup(cfg, { nTrain: 6 }); // 3 steps per epoch
    expect(setup.lossMode).toBe('step');
    const got: unknown[] = [];
    const strategy: Strategy = {
      id: 'si-ls',
      needsGrads: false,
      step: () => ({ shared: [1, 1], task: [1, 1] }),
      emit: (name, event) => void got.push([name, event]),
    };
    const trainer = assembleTrainer({ ...setup, strategy }, scriptedEngine());
    for (let s = 0; s < 6; s++) trainer.trainStep();
    const ends = got.filter((e) => (e as [string])[0] === 'epochEnd');
    // Epoch 0: steps 0, 1, 2 read (0, 0), (1, 10), (2, 20) ⇒ mean (1, 10); epoch 1: steps 3–5 ⇒ mean (4, 40).
    expect(ends).toEqual([
      ['epochEnd', { step: 2, meanLosses: [1, 10] }],
      ['epochEnd', { step: 5, meanLosses: [4, 40] }],
    ]);
  });
});

describe('a strategy that reads the losses after the step (FAMO)', () => {
  it('gets afterStep with the batch’s losses at the updated parameters; others get the step alone', () => {
    const run = (kind: string) => {
      const cfg = defaultExperiment();
      cfg.tasks = cfg.tasks.slice(0, 2);
      cfg.weighting = { kind, params: {}, weights: {} };
      cfg.optimizer = { ...cfg.optimizer, batchSize: 2, steps: 2 };
      const setup = trainingSetup(cfg, { nTrain: 6 });
      const got: unknown[] = [];
      const strategy: Strategy = { id: kind, needsGrads: false, step: () => ({ shared: [1, 1], task: [1, 1] }), emit: (n, e) => void got.push([n, e]) };
      const trainer = assembleTrainer({ ...setup, strategy }, scriptedEngine());
      trainer.trainStep();
      trainer.trainStep();
      return { after: setup.lossesAfterStep, events: got.filter((e) => (e as [string])[0] === 'afterStep') };
    };
    expect(run('famo')).toEqual({
      after: true,
      events: [
        ['afterStep', { step: 0, losses: [0.5, 0.5] }],
        ['afterStep', { step: 1, losses: [1.5, 10.5] }],
      ],
    });
    expect(run('equal').events).toEqual([['afterStep', { step: 0 }], ['afterStep', { step: 1 }]]);
  });
});
