/** Test fixture (the registry tests): hand-made digits instead of the app-served file, and a small config. */
import type { DatasetFixture } from '../build';
import type { MnistDigits } from './generate';

/** Hand-made digits: class c is a 28×28 image filled with (c + 1) / 10 in a c-dependent square, 5 per class. */
export function fakeDigits(): MnistDigits {
  return {
    byClass: Array.from({ length: 10 }, (_, c) => {
      const a = new Float32Array(5 * 784);
      for (let k = 0; k < 5; k++) for (let i = 0; i < 784; i++) a[k * 784 + i] = (i + k + c) % 7 === 0 ? (c + 1) / 10 : 0;
      return a;
    }),
  };
}

export const fixture: DatasetFixture<'multimnist'> = { kind: 'multimnist', config: { kind: 'multimnist', nTrain: 30, nVal: 10 }, sources: { digits: fakeDigits() } };
