/**
 * Loss-weighting / gradient-combination strategies as the page sees them: one spec per folder of src/strategies
 * (collected by the generated specs.gen.ts, specs only: no implementation reaches the page bundle).
 */
import { STRATEGY_SPECS } from '../strategies/specs.gen';
import type { ParamSpec } from './params';

/** What a strategy folder's spec.ts holds: its registry entry, without the id (the folder name is the id). */
export interface StrategySpec {
  /** place in the picker (ascending) */
  order: number;
  label: string;
  /** one line for the picker */
  description: string;
  /** paper reference */
  reference: string;
  params: readonly ParamSpec[];
  /** true when the strategy needs each task's gradient of the shared parameters every step */
  needsGrads: boolean;
  /** which loss values it reads: each step's batch losses, epoch means only, or none (engines on a GPU avoid the read-back) */
  losses: 'step' | 'epoch' | 'none';
  /** true when the user sets one weight per task (cfg.weights), shown as a field per task */
  userWeights?: boolean;
  /**
   * cost class for the picker and the README's method table: 'loss-only' (one backward pass of a weighted loss),
   * 'T backward passes' (each task's gradient, combined through the T×T Gram matrix), '+ QP' when it also solves a
   * small optimisation problem per step, '+ gradient vectors' when it reads the gradients themselves (gradVectors);
   * loss-only iff !needsGrads (a test checks it)
   */
  cost: StrategyCost;
  /** true when step() reads every task's gradient vector on the shared parameters (copied to the CPU each step: costs more than the Gram matrix) */
  gradVectors?: boolean;
  /** true when it reads the batch's losses again after the optimiser step (FAMO): one more forward pass per step, passed in the afterStep event */
  lossesAfterStep?: boolean;
}

/** The cost classes of StrategySpec.cost, cheapest first. */
export const STRATEGY_COSTS = ['loss-only', 'T backward passes', 'T backward passes + QP', 'T backward passes + gradient vectors'] as const;
export type StrategyCost = (typeof STRATEGY_COSTS)[number];

export interface WeightingSpec extends StrategySpec {
  /** id: also the key in URLs and exported code */
  id: string;
}

/** Registry entries from specs keyed by id, in picker order (by `order`, then id). */
export function weightingsFrom(specs: Readonly<Record<string, StrategySpec>>): WeightingSpec[] {
  return Object.entries(specs)
    .map(([id, s]) => ({ id, ...s }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const WEIGHTINGS: readonly WeightingSpec[] = weightingsFrom(STRATEGY_SPECS);

const byId = new Map(WEIGHTINGS.map((w) => [w.id, w]));

/** True when the strategy solves on gradients of the shared representation rather than the shared parameters. */
export function usesRepresentation(w: { params: Record<string, unknown> }): boolean {
  return w.params.on === 'representation';
}

/** Registry lookup; undefined for an unknown strategy id. */
export function weightingSpec(id: string): WeightingSpec | undefined {
  return byId.get(id);
}
