/** Helpers the dataset builders share (src/datasets/<id>/generate.ts): seeded RNG, tabular arrays, label policy, the benchmark's random data. */
export { makeRng, deriveSeed, permutation, type Rng } from './rng';
export { tabularArrays, keptRows, type TabularColumns } from './tabular';
export { applyLabelPolicy } from './labels';
export { generateRandom } from './random';
export { splitRows } from './split';
