import { describe, expect, it } from 'vitest';
import { WEIGHTINGS } from '../model';
import { assembleCommonPy } from './commonPy';

describe('the exported common.py', () => {
  const py = assembleCommonPy();

  it('registers every strategy once, in picker order, with its spec’s needs_grads and losses', () => {
    const ids = [...py.matchAll(/^STRATEGIES\["([^"]+)"\] = STRATEGY$/gm)].map((m) => m[1]);
    expect(ids).toEqual(WEIGHTINGS.map((w) => w.id));
    for (const w of WEIGHTINGS)
      expect(py).toContain(`STRATEGY.needs_grads, STRATEGY.losses = ${w.needsGrads ? 'True' : 'False'}, "${w.losses}"\nSTRATEGIES["${w.id}"]`);
    for (const w of WEIGHTINGS) expect(py.includes(`STRATEGY.losses_after_step = True\nSTRATEGY.needs_grads, STRATEGY.losses = ${w.needsGrads ? 'True' : 'False'}, "${w.losses}"\nSTRATEGIES["${w.id}"]`), w.id).toBe(!!w.lossesAfterStep);
    expect(py).not.toContain('#@@STRATEGIES@@');
  });

  it('no two fragments define the same top-level name (one would silently replace the other)', () => {
    const names = [...py.matchAll(/^(?:def|class) (\w+)/gm)].map((m) => m[1]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('refuses a port that does not name its class, and a spec without a port', () => {
    const spec = WEIGHTINGS[0];
    expect(() => assembleCommonPy([spec], { [spec.id]: 'class X(Strategy):\n    pass\n' })).toThrow(/STRATEGY = <class>/);
    expect(() => assembleCommonPy([spec], {})).toThrow(/no torch\.py/);
  });
});
