/**
 * Node-only: tfjs on its wasm backend with this folder's kernels, for unit tests and the Node benchmark.
 * In Node, tfjs-backend-wasm finds its .wasm files beside its own module; the browser goes through backend.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './wasmKernels';

/** Switch tfjs to the wasm backend (SIMD, one thread, as in the app's worker) and register the conv kernels; throws if it cannot start. */
export async function useWasmBackend(): Promise<void> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not start');
  registerWasmKernels();
}
