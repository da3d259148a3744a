/** Weight initialisation shared by the tfjs and the JS engines (no tfjs here): same seed → same weights in both. */
import type { Rng } from '../data';

/** Glorot-uniform [fanIn, fanOut] weights (row-major) from a seeded stream: U(−l, l), l = √(6 / (fanIn + fanOut)). */
export function glorotUniform(fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
  return w;
}

/** Seed tag of a node's weight stream. */
export const initTag = (nodeId: string) => 'init:' + nodeId;

/**
 * `n` weights drawn U(−l, l) from the stream: He-uniform l = √(6 / fanIn) for relu/elu (they halve the
 * variance), Glorot-uniform l = √(6 / (fanIn + fanOut)) otherwise.
 */
export function initWeights(n: number, fanIn: number, fanOut: number, activation: string, rng: Rng): Float32Array {
  const limit = activation === 'relu' || activation === 'elu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = (rng.next() * 2 - 1) * limit;
  return w;
}
