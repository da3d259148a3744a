/** The exported common.py: src/export/python/common.py with every strategy's Python port put in at its marker. */
import { WEIGHTINGS, type WeightingSpec } from '../model';
import sharedPy from '../strategies/_shared/torch.py?raw';
import { TORCH_PORTS } from '../strategies/torch.gen';
import commonPy from './python/common.py?raw';

const MARKER = '#@@STRATEGIES@@\n';
const RULE = '# ----------------------------------------------------------------';

/**
 * common.py with, at its marker: the strategies' shared Python, then per spec (picker order) its torch.py fragment,
 * which ends by naming its class (`STRATEGY = Name`), and the lines registering that class under the spec's id with
 * the spec's needsGrads and losses (so the Python never restates them). Throws when a spec has no port or a port
 * does not name its class.
 */
export function assembleCommonPy(
  specs: readonly WeightingSpec[] = WEIGHTINGS,
  ports: Readonly<Record<string, string>> = TORCH_PORTS,
  base: string = commonPy,
): string {
  const at = base.indexOf(MARKER);
  if (at < 0 || base.indexOf(MARKER, at + 1) >= 0) throw new Error('common.py must hold the strategies marker exactly once');
  const parts = specs.map((s) => {
    const port = Object.prototype.hasOwnProperty.call(ports, s.id) ? ports[s.id] : undefined;
    if (port === undefined) throw new Error(`strategy "${s.id}" has no torch.py`);
    if (!/^STRATEGY = \w+$/m.test(port)) throw new Error(`src/strategies/${s.id}/torch.py must end by naming its class: STRATEGY = <class>`);
    const py = (b: boolean) => (b ? 'True' : 'False');
    return (
      `${RULE} strategy "${s.id}" (src/strategies/${s.id}/torch.py)\n\n${port.trimEnd()}\n` +
      (s.lossesAfterStep ? 'STRATEGY.losses_after_step = True\n' : '') +
      (s.gradVectors ? 'STRATEGY.grad_vectors = True\n' : '') +
      `STRATEGY.needs_grads, STRATEGY.losses = ${py(s.needsGrads)}, ${JSON.stringify(s.losses)}\n` +
      `STRATEGIES[${JSON.stringify(s.id)}] = STRATEGY\ndel STRATEGY\n\n\n`
    );
  });
  return base.slice(0, at) + '\n\n' + sharedPy.trimEnd() + '\n\n\n' + parts.join('') + base.slice(at + MARKER.length).replace(/^\n+/, '');
}
