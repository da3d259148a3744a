import { describe, expect, it } from 'vitest';
import { breakFirstStep, faultTicker, INJECTED_STEP_ERROR } from './faults';
import type { Trainer } from './trainer';

describe('fault hooks', () => {
  it('without a plan (production) the ticker does nothing', () => {
    let closed = 0;
    const tick = faultTicker(undefined, { close: () => closed++ });
    for (let s = 0; s < 1000; s += 100) tick(s);
    expect(closed).toBe(0);
  });
  it("'close' fires once, at the first tick at or after its step", () => {
    let closed = 0;
    const tick = faultTicker({ kind: 'close', atStep: 250 }, { close: () => closed++ });
    tick(100);
    tick(200);
    expect(closed).toBe(0);
    tick(300);
    tick(400);
    expect(closed).toBe(1);
  });
  it("'first-step' breaks only the first step", () => {
    let steps = 0;
    const trainer = { trainStep: () => void steps++ } as unknown as Trainer;
    breakFirstStep(trainer);
    expect(() => trainer.trainStep()).toThrow(INJECTED_STEP_ERROR);
    trainer.trainStep();
    trainer.trainStep();
    expect(steps).toBe(2);
  });
});
