/**
 * Memory budget of a run, estimated before it trains: parameters with their optimiser state, the activations
 * a training step keeps for its backward pass, the evaluation's forward pass, and the data. An estimate, not
 * a measurement: it errs high (each activation counted three times: value, gradient, one temporary).
 */
import type { GraphAnalysis } from './graph';

/** Above this the run is refused: a tab's WebAssembly memory tops out at 2–4 GB, and the estimate is rough (tfjs keeps more temporaries than it counts). */
export const MEMORY_LIMIT_BYTES = 2 ** 30;
/** Above this the run starts with a note saying how much it needs. */
export const MEMORY_NOTE_BYTES = 256 * 2 ** 20;

/** Floats of every node output for one example (Σ over nodes and their outputs of the product of the shape). */
export function activationFloatsPerRow(analysis: Pick<GraphAnalysis, 'outShapes'>): number {
  let n = 0;
  for (const shapes of Object.values(analysis.outShapes)) for (const s of shapes) n += s.reduce((a, d) => a * d, 1);
  return n;
}

export interface MemoryInput {
  /** activation floats per example (activationFloatsPerRow) */
  perRow: number;
  /** rows per training step */
  batch: number;
  /** rows one evaluation pushes through at once (validation + the train-loss subset) */
  evalRows: number;
  /** floats of the dataset (inputs and labels, train and validation); 0 when unknown */
  dataFloats: number;
  /** trainable parameters; 0 when unknown (the page before the model is built) */
  params: number;
  /** per-task gradient copies a gradient method keeps (T), else 0 */
  gradCopies: number;
}

export interface MemoryBudget {
  activations: number;
  evaluation: number;
  data: number;
  /** weights, gradient, Adam's two moments and the per-task copies */
  parameters: number;
  total: number;
}

/** The estimate in bytes (float32 everywhere). */
export function estimateMemory(m: MemoryInput): MemoryBudget {
  const activations = 4 * 3 * m.perRow * m.batch;
  const evaluation = 4 * 1.5 * m.perRow * m.evalRows;
  const data = 4 * m.dataFloats;
  const parameters = 4 * m.params * (4 + m.gradCopies);
  return { activations, evaluation, data, parameters, total: activations + evaluation + data + parameters };
}

/** "512 KB", "3.4 MB", "2.3 GB" (powers of 1024, two significant figures above 10). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 10 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

/** The sentence that refuses a run over the limit (naming its largest part and what to lower), or null. */
export function memoryProblem(b: MemoryBudget, batch: number): string | null {
  if (b.total <= MEMORY_LIMIT_BYTES) return null;
  const parts: [string, number, string][] = [
    [`activations at batch ${batch}`, b.activations, 'lower the batch size, the units or the number of classes'],
    ['evaluation', b.evaluation, 'use fewer validation rows, or fewer units or classes'],
    ['data', b.data, 'use fewer rows'],
    ['parameters and optimiser state', b.parameters, 'use fewer units or classes'],
  ];
  const [name, bytes, fix] = parts.reduce((a, p) => (p[1] > a[1] ? p : a));
  return `This run needs about ${formatBytes(b.total)} of memory (${name}: ${formatBytes(bytes)}); a tab can give it about ${formatBytes(MEMORY_LIMIT_BYTES)}. To train it, ${fix}.`;
}
