/**
 * Token sequences with three binary tasks over the same strings: contains the motif [2, 3, 2];
 * more A (id 0) than B (id 1); has a rising run of 3 (three consecutive ids each one above the
 * previous). Half the sequences get the motif planted so that task is balanced.
 */
import { deriveSeed, makeRng } from '../../data/rng';
import type { DatasetArrays, TaskSpec } from '../../model';
import type { DatasetBuilder } from '../build';
import type { SequencesConfig } from './schema';
import { SEQUENCE_MOTIF } from './spec';

/** The three labels of one sequence of token ids. */
export function sequenceLabels(s: ArrayLike<number>): { motif: number; more_a: number; rising: number } {
  let a = 0;
  let b = 0;
  let motif = 0;
  let rising = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === 0) a++;
    if (s[i] === 1) b++;
    if (i + 2 < s.length) {
      if (s[i] === SEQUENCE_MOTIF[0] && s[i + 1] === SEQUENCE_MOTIF[1] && s[i + 2] === SEQUENCE_MOTIF[2]) motif = 1;
      if (s[i + 1] === s[i] + 1 && s[i + 2] === s[i] + 2) rising = 1;
    }
  }
  return { motif, more_a: a > b ? 1 : 0, rising };
}

/** Generate nTrain + nVal sequences of `length` ids in [0, vocab); deterministic per seed. */
export function generateSequences(cfg: SequencesConfig, tasks: TaskSpec[], seed: number): DatasetArrays {
  const L = Math.max(3, Math.round(cfg.length));
  const V = Math.max(4, Math.round(cfg.vocab));
  const nTrain = Math.max(1, Math.round(cfg.nTrain));
  const nVal = Math.max(1, Math.round(cfg.nVal));
  const n = nTrain + nVal;
  const rng = makeRng(deriveSeed(seed, 'sequences'));
  const x = new Float32Array(n * L);
  const labels: Record<string, Float32Array> = { motif: new Float32Array(n), more_a: new Float32Array(n), rising: new Float32Array(n) };
  const s = new Int32Array(L);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < L; j++) s[j] = rng.int(V);
    if (rng.next() < 0.5) {
      const at = rng.int(L - 2);
      for (let k = 0; k < 3; k++) s[at + k] = SEQUENCE_MOTIF[k];
    }
    x.set(s, i * L);
    const y = sequenceLabels(s);
    labels.motif[i] = y.motif;
    labels.more_a[i] = y.more_a;
    labels.rising[i] = y.rising;
  }
  const yTrain: Record<string, Float32Array> = {};
  const yVal: Record<string, Float32Array> = {};
  for (const t of tasks) {
    const y = labels[t.id] ?? new Float32Array(n);
    yTrain[t.id] = y.slice(0, nTrain);
    yVal[t.id] = y.slice(nTrain);
  }
  return { inputDim: L, xTrain: x.slice(0, nTrain * L), xVal: x.slice(nTrain * L), nTrain, nVal, yTrain, yVal };
}

declare module '../build' {
  interface DatasetBuilders {
    sequences: true;
  }
}

export const builder: DatasetBuilder<'sequences'> = { kind: 'sequences', generate: generateSequences };
