import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { npyBytes, npyHeaderDict, npzBytes } from './npy';

const ascii = (b: Uint8Array) => String.fromCharCode(...b);

/** Bytes numpy 1.24 writes for np.save(np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4')) (checked with /usr/bin/python3). */
const NUMPY_F32_2x3 =
  "\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + ' '.repeat(58) + '\n';

describe('npy writer', () => {
  it('writes the exact header numpy writes, padded to 64 bytes, then little-endian float32 data', () => {
    const b = npyBytes({ dtype: '<f4', shape: [2, 3], values: new Float32Array([1, 2, 3, 4, 5, 6]) });
    expect(b.length).toBe(128 + 24);
    expect(Array.from(b.subarray(0, 128))).toEqual(Array.from(NUMPY_F32_2x3, (c) => c.charCodeAt(0)));
    expect(b[8] + 256 * b[9]).toBe(118); // header length field: 128 − 10
    expect(b[127]).toBe(0x0a);
    // 1.0f = 00 00 80 3f; 6.0f = 00 00 c0 40
    expect(Array.from(b.subarray(128, 132))).toEqual([0x00, 0x00, 0x80, 0x3f]);
    expect(Array.from(b.subarray(148, 152))).toEqual([0x00, 0x00, 0xc0, 0x40]);
  });

  it('writes int64 labels and one-dimensional shapes as (n,)', () => {
    const b = npyBytes({ dtype: '<i8', shape: [2], values: new BigInt64Array([7n, -1n]) });
    expect(ascii(b.subarray(10, 10 + npyHeaderDict('<i8', [2]).length))).toBe("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }");
    expect(b.length % 8).toBe(0);
    expect(Array.from(b.subarray(128))).toEqual([7, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255]);
  });

  it('keeps the data 64-byte aligned for long shapes', () => {
    const shape = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const b = npyBytes({ dtype: '<f4', shape, values: new Float32Array(2) });
    expect((b.length - 8) % 64).toBe(0);
    expect(b[b.length - 9]).toBe(0x0a);
  });

  it('refuses a shape that disagrees with the values, or a dtype that disagrees with the array', () => {
    expect(() => npyBytes({ dtype: '<f4', shape: [3], values: new Float32Array(2) })).toThrow(/2 values for shape \(3\)/);
    expect(() => npyBytes({ dtype: '<i8', shape: [2], values: new Float32Array(2) })).toThrow(/<i8/);
  });

  it('npz is a zip of name.npy entries', () => {
    const z = unzipSync(npzBytes({ 'dense1/0': { dtype: '<f4', shape: [1], values: new Float32Array([2]) } }));
    expect(Object.keys(z)).toEqual(['dense1/0.npy']);
    expect(ascii(z['dense1/0.npy'].subarray(0, 6))).toBe('\x93NUMPY');
  });
});
