/**
 * A tiny WebAssembly binary encoder: just enough to emit the JS engine's SIMD kernels from TypeScript at run
 * time (no toolchain). A module imports one memory ("env", "mem") and exports i32-parameter functions.
 * Byte layout follows the WebAssembly core spec (binary format) and the SIMD / relaxed-SIMD proposals.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Unsigned LEB128 of a non-negative integer < 2³². */
export function uleb(n: number): number[] {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`uleb: ${n} out of range`);
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new Error(`sleb: ${n} out of range`);
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const name = (s: string) => [...uleb(utf8(s).length), ...utf8(s)];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** A local (or parameter) index of a function body. */
export type Local = number & { readonly __local: unique symbol };

/**
 * One function body under construction: parameters are locals 0…n−1, `local(type)` adds more. Instructions are
 * appended in stack order; `block`/`loop`/`if_`/`ifElse` take the body as a callback so nesting stays visible in the source.
 */
export class Body {
  readonly code: number[] = [];
  private readonly extra: number[] = [];
  constructor(readonly params: number[]) {}

  /** A fresh local of `type`. */
  local(type: number): Local {
    this.extra.push(type);
    return (this.params.length + this.extra.length - 1) as Local;
  }
  /** Parameter i as a local. */
  param(i: number): Local {
    return i as Local;
  }
  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  /** A SIMD-prefixed instruction (0xfd, opcode as u32 LEB), then its immediates. */
  simd(opcode: number, ...imm: number[]): this {
    return this.op(0xfd, ...uleb(opcode), ...imm);
  }
  get(l: Local) {
    return this.op(0x20, ...uleb(l));
  }
  set(l: Local) {
    return this.op(0x21, ...uleb(l));
  }
  tee(l: Local) {
    return this.op(0x22, ...uleb(l));
  }
  i32(c: number) {
    return this.op(0x41, ...sleb(c));
  }
  /** Structured control: `block` (br 0 jumps past its end), `loop` (br 0 jumps back to its start), `if` (pops an i32). */
  block(body: () => void) {
    this.op(0x02, 0x40);
    body();
    return this.op(0x0b);
  }
  loop(body: () => void) {
    this.op(0x03, 0x40);
    body();
    return this.op(0x0b);
  }
  if_(body: () => void) {
    this.op(0x04, 0x40);
    body();
    return this.op(0x0b);
  }
  ifElse(then: () => void, otherwise: () => void) {
    this.op(0x04, 0x40);
    then();
    this.op(0x05);
    otherwise();
    return this.op(0x0b);
  }
  br(depth: number) {
    return this.op(0x0c, ...uleb(depth));
  }
  brIf(depth: number) {
    return this.op(0x0d, ...uleb(depth));
  }
  /** The function's code entry: size, local declarations (one group per local), expression, end. */
  encode(): number[] {
    const locals = vec(this.extra.map((t) => [1, t]));
    const body = [...locals, ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

/** i32 and f32 instructions used by the kernels (no immediates unless noted). */
export const op = {
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Eqz: 0x45,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i32And: 0x71,
  /** memory ops: followed by a memarg */
  f32Load: 0x2a,
  f32Store: 0x38,
  f32Add: 0x92,
} as const;

/** SIMD opcodes (after the 0xfd prefix). Memory ones take a memarg (align, offset); lane ones a lane byte after it. */
export const simd = {
  load: 0x00,
  load32Splat: 0x09,
  store: 0x0b,
  const: 0x0c,
  f32x4Splat: 0x13,
  store32Lane: 0x5a,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  /** relaxed SIMD: a·b + c, fused or not at the engine's choice */
  f32x4RelaxedMadd: 0x105,
} as const;

/** A memory immediate: alignment hint (log₂ bytes) and static byte offset. */
export const memarg = (alignLog2: number, offset: number) => [...uleb(alignLog2), ...uleb(offset)];

/** A module importing memory env.mem (at least `minPages` of 64 KiB) and exporting each named function. */
export function encodeModule(fns: { name: string; body: Body }[], minPages = 1): Uint8Array<ArrayBuffer> {
  // One function type per distinct parameter list (all return nothing).
  const sigs: string[] = [];
  const typeOf = fns.map(({ body }) => {
    const key = body.params.join(',');
    if (!sigs.includes(key)) sigs.push(key);
    return sigs.indexOf(key);
  });
  const types = sigs.map((s) => [0x60, ...vec(s === '' ? [] : s.split(',').map((t) => [Number(t)])), 0x00]);
  const imports = [[...name('env'), ...name('mem'), 0x02, 0x00, ...uleb(minPages)]];
  const exports = fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(typeOf.map((t) => uleb(t)))),
    ...section(7, vec(exports)),
    ...section(10, vec(fns.map(({ body }) => body.encode()))),
  ];
  return new Uint8Array(bytes);
}
