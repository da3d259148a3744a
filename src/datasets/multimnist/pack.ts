/**
 * The `mnist` package's digits in one compact file. Its JSON holds pixels as k/255 rounded to three
 * decimals (21 MB over ten files); the pack stores k as one byte, deflated (≈1.6 MB), and the
 * unpacked values are bit-for-bit the JSON's (Math.round(1000·k/255)/1000 as float32).
 * Layout before deflate: "MNS1", ten uint32 LE digit counts (class 0..9), then 784 bytes per digit.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { MnistDigits } from './generate';

const MAGIC = [0x4d, 0x4e, 0x53, 0x31]; // "MNS1"
const PX = 784;

/** The byte k for a JSON pixel value v (throws when v is not one of the 256 levels). */
function code(v: number): number {
  const k = Math.round(v * 255);
  if (Math.fround(Math.round((k / 255) * 1000) / 1000) !== Math.fround(v)) throw new Error(`MNIST pixel ${v} is not a k/255 level`);
  return k;
}

/** Pack the ten classes' pixel arrays (each a multiple of 784 values in [0, 1]). */
export function packMnist(byClass: ArrayLike<number>[]): Uint8Array {
  if (byClass.length !== 10) throw new Error('MNIST pack: need ten classes');
  const total = byClass.reduce((a, c) => a + c.length, 0);
  const raw = new Uint8Array(4 + 40 + total);
  raw.set(MAGIC, 0);
  const view = new DataView(raw.buffer);
  let off = 44;
  byClass.forEach((c, i) => {
    if (c.length % PX !== 0) throw new Error(`MNIST pack: class ${i} is not a whole number of 28×28 digits`);
    view.setUint32(4 + 4 * i, c.length / PX, true);
    for (let j = 0; j < c.length; j++) raw[off + j] = code(c[j]);
    off += c.length;
  });
  return deflateSync(raw, { level: 9 });
}

/** Inverse of packMnist; throws a clear error on a file that is not a pack. */
export function unpackMnist(packed: Uint8Array): MnistDigits {
  let raw: Uint8Array;
  try {
    raw = inflateSync(packed);
  } catch {
    throw new Error('the MNIST digits file is damaged (it does not inflate)');
  }
  if (raw.length < 44 || MAGIC.some((b, i) => raw[i] !== b)) throw new Error('the MNIST digits file is not an MNS1 pack');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const level = new Float32Array(256).map((_, k) => Math.round((k / 255) * 1000) / 1000);
  let off = 44;
  const byClass: Float32Array[] = [];
  for (let i = 0; i < 10; i++) {
    const n = view.getUint32(4 + 4 * i, true) * PX;
    if (off + n > raw.length) throw new Error('the MNIST digits file is truncated');
    const out = new Float32Array(n);
    for (let j = 0; j < n; j++) out[j] = level[raw[off + j]];
    byClass.push(out);
    off += n;
  }
  return { byClass };
}
