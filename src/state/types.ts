/** Data types the store's slices share (a leaf module: the slices import it, it imports no slice). */
import type { ExperimentConfig, NodeWeights } from '../model';
import type { GridSpec } from '../protocol';

/** Each task's readout (protocol readout()) over a grid of the input plane, at a step. */
export interface BoundaryGrid {
  step: number;
  grid: GridSpec;
  values: Float32Array[];
}

/** Each task's readout and true label on the validation rows, in the run's task order. */
export interface ValPredictions {
  step: number;
  pred: Float32Array[];
  truth: Float32Array[];
}

/** A warm-start source: a run's or an uploaded file's weights, with the experiment they were trained in when known. */
export interface WarmSource {
  name: string;
  config: ExperimentConfig | null;
  weights: NodeWeights[];
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'failed' | 'stopped';

/** A message at the top of the page: info ones fade after a few seconds, errors stay until dismissed. */
export interface Banner {
  kind: 'error' | 'info';
  text: string;
  /** a button in the message, e.g. "Undo" after a deletion */
  action?: { label: string; run(): void };
}
