/** Test-only helper (imported by src/kinds/<kind>/spec.test.ts, never by app code): a kind's shape rule as analyzeGraph applies it. */
import { defaultExperiment } from '../defaults';
import { coerceParams, defaultParams, type ParamValue } from '../params';
import { nodeKind } from './index';
import type { Shape, ShapeContext } from './spec';

/** Four input features, the default experiment's three tasks (side, zone, height). */
export const SHAPE_CTX: ShapeContext = { inputDim: 4, tasks: defaultExperiment().tasks };

/** The kind's shape rule on these inputs, with params coerced like analyzeGraph does. */
export function shapeOf(kind: string, inputs: Shape[], params: Record<string, unknown> = {}): Shape | Shape[] | string {
  const spec = nodeKind(kind)!;
  return spec.shape(coerceParams(spec.params, params), inputs, SHAPE_CTX);
}

/** The canvas summary of a node of `kind` with `params` over the defaults (what MtlNode shows). */
export function summaryOf(kind: string, params: Record<string, ParamValue> = {}): string {
  const spec = nodeKind(kind)!;
  return spec.summary?.({ ...defaultParams(spec.params), ...params }, SHAPE_CTX.tasks) ?? '';
}
