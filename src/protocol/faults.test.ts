import { describe, expect, it } from 'vitest';
import { readFaultPlan } from './faults';

describe('readFaultPlan', () => {
  it('keeps a known kind and a whole non-negative step', () => {
    expect(readFaultPlan({ kind: 'close', atStep: 12.7 })).toEqual({ kind: 'close', atStep: 12 });
    expect(readFaultPlan({ kind: 'first-step' })).toEqual({ kind: 'first-step', atStep: 0 });
    expect(readFaultPlan({ kind: 'device-lost', atStep: -3 })).toEqual({ kind: 'device-lost', atStep: 0 });
  });
  it('ignores anything else (production has no plan)', () => {
    for (const v of [undefined, null, 'close', 3, {}, { kind: 'explode', atStep: 1 }, { kind: '__proto__' }]) expect(readFaultPlan(v)).toBeNull();
  });
});
