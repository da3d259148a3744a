/**
 * MaxPoolGrad for tfjs's wasm backend as one JS pass over the heap. The native kernel takes ~60 ms per
 * call on the LeNet's first pool at b256; this routes each window's gradient to its maximum in one sweep.
 */
import { backend_util, type TensorInfo } from '@tensorflow/tfjs-core';
import { heap, type WasmArgs } from './wasmKernels.util';

export interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * ∂L/∂x [B, H, W, C] of y = maxPool(x): each window's dy goes to the first position (row-major) holding
 * its maximum, as on tfjs's cpu backend; overlapping windows add up. `output` (y) is not needed.
 */
export function maxPoolGrad({ inputs, backend, attrs }: WasmArgs<{ dy: TensorInfo; input: TensorInfo; output: TensorInfo }, MaxPoolGradAttrs>): TensorInfo {
  const { dy, input } = inputs;
  const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  const fh = info.effectiveFilterHeight;
  const fw = info.effectiveFilterWidth;
  const out = backend.makeOutput(input.shape, 'float32');
  const x = heap(backend, input);
  const g = heap(backend, dy);
  const dx = heap(backend, out);
  dx.fill(0);
  const best = new Float32Array(c);
  const at = new Int32Array(c);
  for (let n = 0; n < b; n++) {
    for (let yr = 0; yr < oh; yr++) {
      const r0 = Math.max(0, yr * sh - info.padInfo.top);
      const r1 = Math.min(h, yr * sh - info.padInfo.top + fh);
      for (let yc = 0; yc < ow; yc++) {
        const c0 = Math.max(0, yc * sw - info.padInfo.left);
        const c1 = Math.min(w, yc * sw - info.padInfo.left + fw);
        best.fill(-Infinity);
        at.fill(-1);
        for (let r = r0; r < r1; r++) {
          for (let q = c0; q < c1; q++) {
            const base = ((n * h + r) * w + q) * c;
            for (let k = 0; k < c; k++) {
              const v = x[base + k];
              if (v > best[k]) {
                best[k] = v;
                at[k] = base + k;
              }
            }
          }
        }
        const gBase = ((n * oh + yr) * ow + yc) * c;
        for (let k = 0; k < c; k++) if (at[k] >= 0) dx[at[k]] += g[gBase + k];
      }
    }
  }
  return out;
}
