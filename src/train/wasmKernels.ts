/**
 * Kernels registered for tfjs's wasm backend so that conv nets train on it at XNNPACK speed. tfjs-backend-wasm
 * 4.22 lacks Conv2DBackpropFilter (tfjs issue 8474), and a few of its kernels are scalar loops that dominate a
 * training step (measured in ../shared/CHROMIUM.md): Conv2DBackpropInput, MaxPoolGrad, BatchMatMul with a
 * transpose flag (what every Dense gradient asks for) and GatherV2 (the batch gather). Each replacement is JS over
 * the wasm heap or built from the backend's own kernels.
 */
import { getKernel, registerKernel, unregisterKernel, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { conv2DBackpropFilter, conv2DBackpropInput } from './wasmKernels.conv';
import { gatherV2 } from './wasmKernels.gather';
import { maxPoolGrad } from './wasmKernels.pool';
import { captureNative, native, type WasmArgs } from './wasmKernels.util';

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/** t with its last two axes swapped, as a new tensor. */
function swapLast(backend: WasmArgs<unknown, unknown>['backend'], t: TensorInfo): TensorInfo {
  const perm = t.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return native('Transpose')(backend, { x: t }, { perm });
}

/** BatchMatMul with explicit transposes first: with a transpose flag the native kernel skips XNNPACK (15–20× slower). */
function batchMatMul({ inputs, backend, attrs }: WasmArgs<{ a: TensorInfo; b: TensorInfo }, MatMulAttrs>): TensorInfo {
  if (!attrs.transposeA && !attrs.transposeB) return native('BatchMatMul')(backend, inputs, attrs);
  const a = attrs.transposeA ? swapLast(backend, inputs.a) : inputs.a;
  const b = attrs.transposeB ? swapLast(backend, inputs.b) : inputs.b;
  const out = native('BatchMatMul')(backend, { a, b }, { ...attrs, transposeA: false, transposeB: false });
  if (a !== inputs.a) backend.disposeData(a.dataId);
  if (b !== inputs.b) backend.disposeData(b.dataId);
  return out;
}

/** Identity shares the data (as tfjs's cpu backend does): tfjs clones every tensor it saves for backprop, and the native kernel copies. */
function identity({ inputs, backend }: WasmArgs<{ x: TensorInfo }, unknown>): TensorInfo {
  const { x } = inputs;
  if (x.dtype === 'string') return native('Identity')(backend, inputs, {});
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Cast to its own dtype shares the data too (relu's gradient casts its float input to float: a full copy natively). */
function cast({ inputs, backend, attrs }: WasmArgs<{ x: TensorInfo }, { dtype: string }>): TensorInfo {
  if (inputs.x.dtype !== attrs.dtype || inputs.x.dtype === 'string') return native('Cast')(backend, inputs, attrs);
  return identity({ inputs, backend, attrs });
}

const REPLACEMENTS: Record<string, (args: WasmArgs<never, never>) => TensorInfo> = {
  Conv2DBackpropFilter: conv2DBackpropFilter,
  Conv2DBackpropInput: conv2DBackpropInput,
  MaxPoolGrad: maxPoolGrad,
  BatchMatMul: batchMatMul,
  Identity: identity,
  GatherV2: gatherV2,
  Cast: cast,
};

let registered = false;

/**
 * Register this folder's kernels for the `wasm` backend (idempotent). Call once the wasm backend has been
 * registered (importing @tensorflow/tfjs-backend-wasm does that); a kernel it replaces keeps its setup.
 */
export function registerWasmKernels(): void {
  if (registered) return;
  for (const name of ['Conv2D', 'Transpose', 'BatchMatMul', 'Identity', 'GatherV2', 'Cast']) captureNative(name);
  for (const [kernelName, fn] of Object.entries(REPLACEMENTS)) {
    const old = getKernel(kernelName, 'wasm');
    if (old) unregisterKernel(kernelName, 'wasm');
    registerKernel({ kernelName, backendName: 'wasm', kernelFunc: fn as unknown as KernelFunc, setupFunc: old?.setupFunc, disposeFunc: old?.disposeFunc });
  }
  registered = true;
}
