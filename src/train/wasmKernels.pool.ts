/**
 * MaxPoolGrad for tfjs's wasm backend as one JS pass over the heap. The native kernel takes ~60 ms per
 * call on the LeNet's first pool at b256 (CHROMIUM.md); this routes each window's gradient to its maximum.
 */
import { backend_util, type TensorInfo } from '@tensorflow/tfjs-core';
import { heap, type WasmArgs } from './wasmKernels.util';

export interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The LeNet's pool (2×2, stride 2, windows inside the map): four reads per output, no window bookkeeping. */
function pool2x2(x: Float32Array, g: Float32Array, dx: Float32Array, info: backend_util.Conv2DInfo): void {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const row = w * c;
  for (let n = 0; n < b; n++) {
    for (let yr = 0; yr < oh; yr++) {
      for (let yc = 0; yc < ow; yc++) {
        const p0 = ((n * h + 2 * yr) * w + 2 * yc) * c;
        const gBase = ((n * oh + yr) * ow + yc) * c;
        for (let k = 0; k < c; k++) {
          const i0 = p0 + k;
          let m = x[i0];
          let at = i0;
          const v1 = x[i0 + c];
          if (v1 > m) {
            m = v1;
            at = i0 + c;
          }
          const v2 = x[i0 + row];
          if (v2 > m) {
            m = v2;
            at = i0 + row;
          }
          if (x[i0 + row + c] > m) at = i0 + row + c;
          dx[at] = g[gBase + k];
        }
      }
    }
  }
}

/** Any pool: per output and channel, the first maximum of its window (clipped to the map) takes dy; overlaps add up. */
function poolAny(x: Float32Array, g: Float32Array, dx: Float32Array, info: backend_util.Conv2DInfo): void {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  for (let n = 0; n < b; n++) {
    for (let yr = 0; yr < oh; yr++) {
      const r0 = Math.max(0, yr * sh - top);
      const r1 = Math.min(h, yr * sh - top + info.effectiveFilterHeight);
      for (let yc = 0; yc < ow; yc++) {
        const c0 = Math.max(0, yc * sw - left);
        const c1 = Math.min(w, yc * sw - left + info.effectiveFilterWidth);
        const gBase = ((n * oh + yr) * ow + yc) * c;
        for (let k = 0; k < c; k++) {
          let m = -Infinity;
          let at = -1;
          for (let r = r0; r < r1; r++) {
            for (let q = c0, i = ((n * h + r) * w + c0) * c + k; q < c1; q++, i += c) {
              if (x[i] > m) {
                m = x[i];
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += g[gBase + k];
        }
      }
    }
  }
}

/**
 * ∂L/∂x [B, H, W, C] of y = maxPool(x): each window's dy goes to the first position (row-major) holding
 * its maximum, as on tfjs's cpu backend; overlapping windows add up. `output` (y) is not needed.
 */
export function maxPoolGrad({ inputs, backend, attrs }: WasmArgs<{ dy: TensorInfo; input: TensorInfo; output: TensorInfo }, MaxPoolGradAttrs>): TensorInfo {
  const { dy, input } = inputs;
  const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  const out = backend.makeOutput(input.shape, 'float32');
  const dx = heap(backend, out);
  dx.fill(0);
  const simple =
    info.filterHeight === 2 && info.filterWidth === 2 && info.strideHeight === 2 && info.strideWidth === 2 &&
    info.padInfo.top === 0 && info.padInfo.left === 0 && 2 * info.outHeight <= info.inHeight && 2 * info.outWidth <= info.inWidth;
  (simple ? pool2x2 : poolAny)(heap(backend, input), heap(backend, dy), dx, info);
  return out;
}
