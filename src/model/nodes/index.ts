/**
 * The node-kind registry of the main thread: every spec in src/kinds/<kind>/spec.ts, collected by the
 * generated src/kinds/specs.gen.ts (no hand-kept list). Builders and exporters have registries of their own.
 */
import { KIND_SPECS } from '../../kinds/specs.gen';
import type { NodeKindSpec } from './spec';

export {
  ACTIVATIONS,
  FROZEN_PARAM,
  hasWeights,
  outHandle,
  outputCount,
  headUnits,
  type Activation,
  type NodeCategory,
  type NodeKindSpec,
  type Shape,
  type ShapeContext,
} from './spec';
export type { KindId } from '../../kinds/specs.gen';

/** A registry's specs in palette order (ascending `order`, ties by id). */
export function paletteOrder(specs: Iterable<NodeKindSpec>): NodeKindSpec[] {
  return [...specs].sort((a, b) => a.order - b.order || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** Every kind, in palette order. */
export const NODE_KINDS: readonly NodeKindSpec[] = paletteOrder(Object.values(KIND_SPECS));

const byKind = new Map(NODE_KINDS.map((k) => [k.kind, k]));

/** Registry lookup; undefined for an unknown kind. */
export function nodeKind(kind: string): NodeKindSpec | undefined {
  return byKind.get(kind);
}
