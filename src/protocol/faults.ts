/**
 * Test-only fault injection. Playwright sets `globalThis.__MTL_FAULTS__` with addInitScript; the page copies a
 * valid plan into the 'start' message, and the worker acts on it. Nothing in the app sets the global, so in
 * production every run starts with no plan and the hooks never fire.
 */

/**
 * A fault the worker injects into its run:
 * - 'close': the worker ends itself silently at step `atStep` (what a crashed or killed worker looks like);
 * - 'throw': an uncaught exception in the worker at step `atStep`;
 * - 'device-lost': the WebGPU device is destroyed at step `atStep` (WebGPU runs only);
 * - 'first-step': the first engine's first step throws, as a broken backend does.
 */
export interface FaultPlan {
  kind: 'close' | 'throw' | 'device-lost' | 'first-step';
  /** the step at (or after) which the fault fires; ignored by 'first-step' */
  atStep: number;
}

const KINDS: readonly FaultPlan['kind'][] = ['close', 'throw', 'device-lost', 'first-step'];

/** `value` as a FaultPlan, or null when it is not one (anything else is ignored, never trusted). */
export function readFaultPlan(value: unknown): FaultPlan | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, atStep } = value as { kind?: unknown; atStep?: unknown };
  if (!KINDS.includes(kind as FaultPlan['kind'])) return null;
  const step = typeof atStep === 'number' && Number.isFinite(atStep) && atStep >= 0 ? Math.floor(atStep) : 0;
  return { kind: kind as FaultPlan['kind'], atStep: step };
}

/**
 * Name of the Web Lock a worker holds for as long as it lives (from its first 'start'): when the page is granted it,
 * the worker is gone, whether it crashed, ran out of memory or closed itself.
 */
export function workerLockName(runId: string): string {
  return `mtl-playground-worker:${runId}`;
}

/** Posted once by the worker when it holds workerLockName(runId); the bridge consumes it (it is not a FromWorker). */
export interface WorkerAlive {
  type: 'alive';
  runId: string;
}
