import { describe, expect, it } from 'vitest';
import { planPhases } from './phases';

const ids = ['a', 'b', 'c'];
const owner = (node: string, ...tasks: number[]) => ({ node, tasks: new Set(tasks) });

describe('planPhases', () => {
  it('without a schedule: one phase (2) training everything, every task active, no restart', () => {
    const p = planPhases(undefined, ids);
    expect(p.scheduled).toBe(false);
    expect([0, 1, 50].map((s) => p.phaseAt(s))).toEqual([2, 2, 2]);
    expect([0, 1, 50].some((s) => p.restartsAt(s))).toBe(false);
    expect(p.activeTasks(0)).toEqual([true, true, true]);
    expect(p.trains(2, owner('x'))).toBe(true);
  });

  it('phase 1 trains what feeds an active task; phase 2 all but freezeInPhase2; the optimiser restarts once, at phase1Steps', () => {
    const p = planPhases({ phase1Steps: 3, phase1Tasks: ['b'], freezeInPhase2: ['trunk'] }, ids);
    expect(p.scheduled).toBe(true);
    expect([0, 1, 2, 3, 4].map((s) => p.phaseAt(s))).toEqual([1, 1, 1, 2, 2]);
    expect([0, 1, 2, 3, 4].map((s) => p.restartsAt(s))).toEqual([false, false, false, true, false]);
    expect(p.activeTasks(2)).toEqual([false, true, false]);
    expect(p.activeTasks(3)).toEqual([true, true, true]);
    expect(p.trains(1, owner('trunk', 0, 1, 2))).toBe(true);
    expect(p.trains(1, owner('head_a', 0))).toBe(false);
    expect(p.trains(1, owner('head_b', 1))).toBe(true);
    expect(p.trains(2, owner('trunk', 0, 1, 2))).toBe(false);
    expect(p.trains(2, owner('head_a', 0))).toBe(true);
  });

  it('a phase 1 of 0 steps is phase 2 from the start, with no restart', () => {
    const p = planPhases({ phase1Steps: 0, phase1Tasks: ['a'], freezeInPhase2: [] }, ids);
    expect(p.phaseAt(0)).toBe(2);
    expect(p.restartsAt(0)).toBe(false);
    expect(p.restartsAt(1)).toBe(false);
  });
});
