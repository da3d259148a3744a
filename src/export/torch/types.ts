/** The per-kind exporter contract: what src/export/torch needs to write one node kind as PyTorch. */
import type { GraphNode, ParamValue, Shape, TaskSpec } from '../../model';

/** Everything an exporter may read to write one node's constructor call (mirrors src/train's NodeBuildContext). */
export interface TorchExportContext {
  node: GraphNode;
  /** params coerced to the kind's descriptors (complete and in range) */
  params: Record<string, ParamValue>;
  /** input shapes (batch excluded), in incoming-edge order */
  inShapes: Shape[];
  /** every output's shape (batch excluded), in handle order */
  outShapes: Shape[];
  tasks: TaskSpec[];
}

/**
 * One node kind as PyTorch. The class keeps its weights in the browser's layout and order: attribute
 * names listed in its `browser_names` (variables in builder order, then state buffers), so a browser
 * snapshot loads by plain copy. Its forward takes one tensor per incoming edge and returns one tensor,
 * or a list of tensors for a multi-output kind.
 */
export interface TorchExporter {
  /** Python class name; several kinds may share one class (written once) */
  className: string;
  /** the class definition (Python, top level, no trailing blank lines) */
  source: string;
  /** names of shared helpers the class calls (keys of PY_HELPERS), written once before the classes */
  helpers?: readonly string[];
  /** the constructor call for one node, e.g. `Dense(2, 16, 'relu')` */
  construct(ctx: TorchExportContext): string;
}
