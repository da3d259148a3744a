/**
 * Backend selection for the worker. Browser-only in practice (it imports the wasm
 * binaries via Vite `?url`); unit tests use the cpu backend directly, or wasm through
 * wasmKernels.testing.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from '../model';
import { registerWasmKernels } from './wasmKernels';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// Threads gave no speed-up on 2 cores and crashed in a minified production worker (CHROMIUM.md).
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

type TfjsBackend = Exclude<BackendName, 'js'>;
const LABEL: Record<TfjsBackend, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'tfjs CPU' };
/** Explicit choices fall back along this chain, starting at the chosen backend. */
const CHAIN: TfjsBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

interface GpuAdapterLike {
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

type AdapterProbe = { kind: 'none'; why: string } | { kind: 'software' | 'hardware'; desc: string };

/** What WebGPU adapter this context offers: none, a software fallback (SwiftShader) or real hardware. */
async function probeWebGpu(): Promise<AdapterProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { kind: 'none', why: 'navigator.gpu is missing' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { kind: 'none', why: 'no adapter' };
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const desc = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
    return { kind: fallback ? 'software' : 'hardware', desc };
  } catch (err) {
    return { kind: 'none', why: `requestAdapter failed: ${String((err as Error)?.message ?? err)}` };
  }
}

/** Try one backend; null on success, otherwise the reason in words. */
async function trySet(name: TfjsBackend): Promise<string | null> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return 'failed to initialise';
    await tf.ready();
    return tf.getBackend() === name ? null : `tfjs stayed on ${tf.getBackend()}`;
  } catch (err) {
    return `failed to initialise (${String((err as Error)?.message ?? err)})`;
  }
}

/**
 * Activate a tfjs backend for `choice`. Auto = WebGPU only on a real (non-fallback)
 * adapter, else WASM. A failing explicit choice falls back along webgpu → webgl → wasm → cpu;
 * `notes` says in words what happened. Rejects only if even the cpu backend fails.
 */
export async function initBackend(choice: Exclude<BackendChoice, 'js'>, skip: { backend: TfjsBackend; why: string } | null = null): Promise<{ backend: TfjsBackend; notes: string[] }> {
  const notes: string[] = [];
  let chain: TfjsBackend[];
  if (choice === 'auto') {
    const probe = await probeWebGpu();
    if (probe.kind === 'none') {
      chain = ['wasm', 'cpu'];
      notes.push(`Auto: WebGPU unavailable (${probe.why}).`);
    } else if (probe.kind === 'software') {
      chain = ['wasm', 'cpu'];
      notes.push(`Auto: the only WebGPU adapter is a software fallback (${probe.desc}); WASM is faster here.`);
    } else chain = ['webgpu', 'wasm', 'cpu'];
  } else {
    chain = CHAIN.slice(CHAIN.indexOf(choice));
  }
  // A backend that lacks a kernel the model needs is replaced by the next one that has it (WebGL before CPU).
  if (skip && chain.includes(skip.backend)) {
    chain = chain.filter((b) => b !== skip.backend);
    if (!chain.includes('webgl')) chain.splice(Math.max(0, chain.indexOf('cpu')), 0, 'webgl');
    notes.push(`${LABEL[skip.backend]} skipped: ${skip.why}.`);
  }

  for (let i = 0; i < chain.length; i++) {
    const name = chain[i];
    let why: string | null = null;
    if (name === 'webgpu') {
      const probe = await probeWebGpu();
      if (probe.kind === 'none') why = `unavailable (${probe.why})`;
      else if (probe.kind === 'software') notes.push(`WebGPU runs on a software adapter (${probe.desc}); expect it to be slow.`);
    }
    why ??= await trySet(name);
    // Conv gradients and faster replacements of slow native kernels (wasmKernels.ts); idempotent.
    if (why === null && name === 'wasm') registerWasmKernels();
    if (why === null) {
      notes.push(`Running on ${LABEL[name]}.`);
      return { backend: name, notes };
    }
    const next = chain[i + 1];
    notes.push(`${LABEL[name]} ${why}${next ? `; trying ${LABEL[next]}` : ''}.`);
  }
  throw new Error(`No tfjs backend could be initialised (${notes.join(' ')})`);
}

/** What a backend is called in the Backend list (the JS engine included), for messages. */
export function backendLabel(name: BackendName): string {
  return name === 'js' ? 'the JS engine' : `tfjs ${LABEL[name].replace('tfjs ', '')}`;
}

interface GpuDeviceLike {
  lost?: Promise<{ message?: string; reason?: string }>;
  destroy?(): void;
}

/** The active tfjs backend's WebGPU device, or null when the backend is not WebGPU. */
function webGpuDevice(): GpuDeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GpuDeviceLike }).device ?? null;
}

/** Resolves with the reason in words when the active WebGPU device is lost; null when the backend is not WebGPU. */
export function webGpuDeviceLost(): Promise<string> | null {
  const lost = webGpuDevice()?.lost;
  return lost ? lost.then((info) => info?.message || info?.reason || 'no reason given') : null;
}

/** Test hook ('device-lost' fault): destroy the active WebGPU device, as a GPU reset or driver crash would lose it. */
export function destroyWebGpuDevice(): void {
  webGpuDevice()?.destroy?.();
}
