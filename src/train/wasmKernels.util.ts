/** What the wasm kernels of this folder need from tfjs-backend-wasm: its native kernels and its heap. */
import { getKernel, type DataId, type DataType, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's BackendWasm these kernels use. */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: DataId): boolean;
  incRef(dataId: DataId): void;
}

/** A kernel function's argument, with this folder's backend type. */
export interface WasmArgs<I, A> {
  inputs: I;
  backend: WasmBackend;
  attrs: A;
}

export type Native = (backend: WasmBackend, inputs: Record<string, TensorInfo>, attrs: object) => TensorInfo;

/** tfjs-backend-wasm's own kernels, captured before any of them is replaced here. */
const natives = new Map<string, KernelFunc>();

/** Remember the wasm backend's own kernel `name` (call before replacing it); throws when it has none. */
export function captureNative(name: string): KernelFunc {
  let k = natives.get(name);
  if (!k) {
    const config = getKernel(name, 'wasm');
    if (!config) throw new Error(`tfjs-backend-wasm has no ${name} kernel`);
    k = config.kernelFunc;
    natives.set(name, k);
  }
  return k;
}

/** Call the wasm backend's own kernel `name` (not a replacement registered here); the output is the caller's to dispose. */
export function native(name: string): Native {
  const k = captureNative(name);
  return (backend, inputs, attrs) => k({ inputs, backend: backend as never, attrs: attrs as never }) as TensorInfo;
}

/** A float32 view of a tensor on the wasm heap; valid only until the next allocation (the heap may grow). */
export function heap(backend: WasmBackend, t: TensorInfo): Float32Array {
  if (t.dtype !== 'float32') throw new Error(`expected a float32 tensor, got ${t.dtype}`);
  return backend.typedArrayFromHeap(t) as Float32Array;
}
