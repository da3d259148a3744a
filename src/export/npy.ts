/**
 * NumPy `.npy` (format 1.0) and `.npz` writers: little-endian, C order, header padded with spaces so that the
 * data starts at a multiple of 64 bytes (what numpy itself writes). `.npz` is a zip of `.npy` files (fflate).
 */
import { zipSync } from 'fflate';

/** Element types written: '<f4' float32, '<i8' int64, '|u1' uint8. */
export type NpyDtype = '<f4' | '<i8' | '|u1';

/** An n-d array in C order: values.length must equal the product of shape. */
export interface NpyArray {
  dtype: NpyDtype;
  shape: readonly number[];
  values: Float32Array | BigInt64Array | Uint8Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]; // \x93NUMPY, version 1.0

/** The header dict text numpy writes, e.g. "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }". */
export function npyHeaderDict(dtype: NpyDtype, shape: readonly number[]): string {
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${dims}, }`;
}

/** One `.npy` file's bytes; throws when values.length disagrees with shape or the dtype with the array type. */
export function npyBytes(a: NpyArray): Uint8Array {
  const count = a.shape.reduce((p, d) => p * d, 1);
  if (a.values.length !== count) throw new Error(`npy: ${a.values.length} values for shape (${a.shape.join(', ')})`);
  const okType = a.dtype === '<f4' ? a.values instanceof Float32Array : a.dtype === '<i8' ? a.values instanceof BigInt64Array : a.values instanceof Uint8Array;
  if (!okType) throw new Error(`npy: ${a.dtype} needs a matching typed array`);
  const dict = npyHeaderDict(a.dtype, a.shape);
  // magic (8) + header length (2) + dict + padding + '\n' ≡ 0 (mod 64)
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const headerLen = total - 10;
  const out = new Uint8Array(total + a.values.byteLength);
  out.set(MAGIC, 0);
  out[8] = headerLen & 0xff;
  out[9] = headerLen >> 8;
  for (let i = 0; i < dict.length; i++) out[10 + i] = dict.charCodeAt(i);
  out.fill(0x20, 10 + dict.length, total - 1);
  out[total - 1] = 0x0a;
  // Typed arrays are in platform order; every browser and Node platform we target is little-endian, but be exact.
  const view = new DataView(out.buffer, total);
  if (a.values instanceof Float32Array) a.values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  else if (a.values instanceof BigInt64Array) a.values.forEach((v, i) => view.setBigInt64(8 * i, v, true));
  else out.set(a.values, total);
  return out;
}

/** A float32 array of the given shape. */
export const f32 = (values: Float32Array, shape: readonly number[]): NpyArray => ({ dtype: '<f4', shape, values });

/** An `.npz` archive: each entry `name` → `name.npy` (stored uncompressed, as numpy's savez does). */
export function npzBytes(arrays: Record<string, NpyArray>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, a] of Object.entries(arrays)) files[`${name}.npy`] = [npyBytes(a), { level: 0 }];
  return zipSync(files);
}
