/** Task-aware attention: multi-head attention with a learned query per task over the input's tokens. */
import { FROZEN_PARAM, NEEDS_INPUT, defineKind, fmt, perTask, type Shape } from '../../model/nodes/spec';

/** TAM's view of its input as [tokens, token width], or why it cannot. */
export function tamTokens(p: Record<string, unknown>, inputs: Shape[]): [number, number] | string {
  if (inputs.length === 0) return NEEDS_INPUT;
  const s = inputs[0];
  if (s.length === 2) return [s[0], s[1]];
  if (s.length !== 1) return `expects a vector [D] or a sequence [L×D], got ${fmt(s)}`;
  const c = Number(p.chunks);
  if (s[0] % c !== 0) return `cannot split ${fmt(s)} into ${c} equal tokens; pick a divisor of ${s[0]}`;
  return [c, s[0] / c];
}

export const spec = defineKind({
  kind: 'tam',
  label: 'Task-aware attention',
  description: 'Multi-head attention with a learned query per task over tokens of the input ([D] split into chunks, or [L×D]).',
  category: 'merge',
  order: 200,
  params: [
    { key: 'chunks', label: 'Tokens (chunks)', type: 'int', min: 1, max: 256, default: 4, help: 'a vector [D] is read as this many tokens of D/chunks features' },
    { key: 'heads', label: 'Heads', type: 'int', min: 1, max: 16, default: 2 },
    { key: 'dModel', label: 'Model width', type: 'int', min: 1, max: 512, default: 16, help: 'output width per task; a multiple of Heads' },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => {
    const tok = tamTokens(p, inputs);
    if (typeof tok === 'string') return tok;
    const dm = Number(p.dModel);
    if (dm % Number(p.heads) !== 0) return `model width ${dm} is not a multiple of ${p.heads} heads`;
    return ctx.tasks.map(() => [dm]);
  },
  summary: (p) => `${p.chunks} tokens · ${p.heads} heads · ${p.dModel}`,
  baseline: 'own-output',
});
