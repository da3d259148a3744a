/**
 * Conv2D gradients for tfjs's wasm backend, built from its XNNPACK Conv2D. tfjs-backend-wasm 4.22 has no
 * Conv2DBackpropFilter (tfjs issue 8474), and its Conv2DBackpropInput is a scalar loop (~140 ms per call on
 * the LeNet's second layer at b256). Both gradients are convolutions themselves, so they run as one:
 * the few layout changes are JS loops over the wasm heap, everything that multiplies is XNNPACK.
 */
import { backend_util, type TensorInfo } from '@tensorflow/tfjs-core';
import { heap, native, type WasmArgs, type WasmBackend } from './wasmKernels.util';

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}
export type FilterGradAttrs = ConvAttrs & { filterShape: [number, number, number, number] };
export type InputGradAttrs = ConvAttrs & { inputShape: [number, number, number, number] };

function convInfo(xShape: number[], filterShape: number[], a: ConvAttrs): backend_util.Conv2DInfo {
  if (a.dataFormat === 'NCHW') throw new Error('wasm Conv2D gradients support only NHWC (channels last)');
  return backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape as [number, number, number, number], a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
}

/**
 * x [B, H, W, C] → [C, Hn, Wn, B]: zero-padded by (top, left) and cut or padded to Hn × Wn, so that the
 * batch becomes the channel axis of the filter-gradient convolution.
 */
function channelsToBatch(backend: WasmBackend, x: TensorInfo, top: number, left: number, hn: number, wn: number): TensorInfo {
  const [b, h, w, c] = x.shape;
  const out = backend.makeOutput([c, hn, wn, b], 'float32');
  const src = heap(backend, x);
  const dst = heap(backend, out);
  if (top > 0 || left > 0 || hn > h + top || wn > w + left) dst.fill(0);
  const plane = hn * wn * b;
  for (let n = 0; n < b; n++) {
    for (let r = 0; r < h; r++) {
      const u = r + top;
      if (u >= hn) break;
      for (let q = 0; q < w; q++) {
        const v = q + left;
        if (v >= wn) break;
        const s = ((n * h + r) * w + q) * c;
        let d = (u * wn + v) * b + n;
        for (let k = 0; k < c; k++, d += plane) dst[d] = src[s + k];
      }
    }
  }
  return out;
}

/**
 * ∂L/∂W [kh, kw, C, F] of y = conv2d(x, W): dW[i, j, c, f] = Σ_{b,p,q} x̂[b, p·s + i, q·s + j, c] · dy[b, p, q, f]
 * (x̂ = padded x), i.e. a convolution of x̂ (channels as batch, batch as channels) with dy as the filter,
 * dilated by the stride. Exact at every stride and padding; dilation 1 only (tfjs's conv2d gradient asserts it).
 */
export function conv2DBackpropFilter({ inputs, backend, attrs }: WasmArgs<{ x: TensorInfo; dy: TensorInfo }, FilterGradAttrs>): TensorInfo {
  const { x, dy } = inputs;
  const info = convInfo(x.shape, attrs.filterShape, attrs);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = info;
  const hn = kh + (oh - 1) * sh;
  const wn = kw + (ow - 1) * sw;
  const { top, left } = info.padInfo;
  const exact = top === 0 && left === 0 && hn === info.inHeight && wn === info.inWidth;
  const xT = exact ? native('Transpose')(backend, { x }, { perm: [3, 1, 2, 0] }) : channelsToBatch(backend, x, top, left, hn, wn);
  const dyT = native('Transpose')(backend, { x: dy }, { perm: [1, 2, 0, 3] });
  const g = native('Conv2D')(backend, { x: xT, filter: dyT }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: [sh, sw] });
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  if (info.inChannels === 1) {
    g.shape = [kh, kw, 1, info.outChannels];
    return g;
  }
  const dw = native('Transpose')(backend, { x: g }, { perm: [1, 2, 0, 3] });
  backend.disposeData(g.dataId);
  return dw;
}

/** dy [B, oh, ow, F] spread at the stride into zeros [B, H + kh − 1, W + kw − 1, F], offset by (kh − 1 − top, kw − 1 − left). */
function spreadGradient(backend: WasmBackend, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize: b, outHeight: oh, outWidth: ow, outChannels: f, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const hp = info.inHeight + kh - 1;
  const wp = info.inWidth + kw - 1;
  const top = kh - 1 - info.padInfo.top;
  const left = kw - 1 - info.padInfo.left;
  const out = backend.makeOutput([b, hp, wp, f], 'float32');
  const src = heap(backend, dy);
  const dst = heap(backend, out);
  dst.fill(0);
  for (let n = 0; n < b; n++) {
    for (let p = 0; p < oh; p++) {
      const rowIn = (n * oh + p) * ow * f;
      const rowOut = ((n * hp + top + p * sh) * wp + left) * f;
      if (sw === 1) dst.set(src.subarray(rowIn, rowIn + ow * f), rowOut);
      else for (let q = 0; q < ow; q++) dst.set(src.subarray(rowIn + q * f, rowIn + (q + 1) * f), rowOut + q * sw * f);
    }
  }
  return out;
}

/** W [kh, kw, C, F] → W turned by 180° with in and out swapped, [kh, kw, F, C]. */
function flipFilter(backend: WasmBackend, filter: TensorInfo): TensorInfo {
  const [kh, kw, c, f] = filter.shape;
  const out = backend.makeOutput([kh, kw, f, c], 'float32');
  const src = heap(backend, filter);
  const dst = heap(backend, out);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const s = ((kh - 1 - i) * kw + (kw - 1 - j)) * c * f;
      const d = (i * kw + j) * f * c;
      for (let a = 0; a < c; a++) for (let o = 0; o < f; o++) dst[d + o * c + a] = src[s + a * f + o];
    }
  }
  return out;
}

/**
 * ∂L/∂x [B, H, W, C] of y = conv2d(x, W): the full convolution of dy (spread at the stride, padded by
 * k − 1 − pad) with W turned by 180° and in/out swapped, as one stride-1 XNNPACK Conv2D.
 */
export function conv2DBackpropInput({ inputs, backend, attrs }: WasmArgs<{ dy: TensorInfo; filter: TensorInfo }, InputGradAttrs>): TensorInfo {
  const { dy, filter } = inputs;
  const info = convInfo(attrs.inputShape, filter.shape, attrs);
  const spread = spreadGradient(backend, dy, info);
  const flipped = flipFilter(backend, filter);
  const dx = native('Conv2D')(backend, { x: spread, filter: flipped }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: 1 });
  backend.disposeData(spread.dataId);
  backend.disposeData(flipped.dataId);
  return dx;
}
