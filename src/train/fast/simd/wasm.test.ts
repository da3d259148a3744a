import { describe, expect, it } from 'vitest';
import { Body, encodeModule, I32, sleb, uleb } from './wasm';

describe('wasm encoder', () => {
  it('LEB128 by hand: unsigned and signed', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]); // the spec's example
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(() => uleb(-1)).toThrow();
  });

  it('a module with a loop, a branch and memory stores runs: out[i] = i·3 for i < n', () => {
    const f = new Body([I32, I32]); // (ptr, n)
    const [ptr, n] = [f.param(0), f.param(1)];
    const i = f.local(I32);
    f.block(() =>
      f.loop(() => {
        f.get(i).get(n).op(0x4e).brIf(1); // i ≥ n: out
        f.get(ptr).get(i).i32(4).op(0x6c, 0x6a); // address ptr + 4i
        f.get(i).i32(3).op(0x6c).op(0x36, 2, 0); // i32.store (i·3)
        f.get(i).i32(1).op(0x6a).set(i);
        f.br(0);
      }),
    );
    const bytes = encodeModule([{ name: 'run', body: f }]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const mem = new WebAssembly.Memory({ initial: 1 });
    const run = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem } }).exports.run as (p: number, n: number) => void;
    run(8, 5);
    expect(Array.from(new Int32Array(mem.buffer, 0, 8))).toEqual([0, 0, 0, 3, 6, 9, 12, 0]);
  });
});
