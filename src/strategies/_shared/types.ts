/** The engine-agnostic contract between the training loop and a weighting strategy (plain numbers, no tensors). */

export interface StepInput {
  /** 0-based optimizer step */
  step: number;
  /** this step's batch train loss per task (unweighted), length T */
  losses: number[];
  /** T×T Gram matrix gram[i][j] = g_i·g_j of the tasks' shared-parameter gradients; non-null iff the strategy needsGrads */
  gram: number[][] | null;
  /**
   * per task, its gradient on the shared parameters (T vectors of one length n, the same parameter order every
   * step); present iff the spec sets gradVectors. Engines may reuse the buffers: copy what you keep.
   */
  grads?: readonly Float32Array[] | null;
}

/**
 * Per-task coefficients for one step. `shared`: the shared parameters move along Σ_t shared[t]·g_t
 * (g_t = gradient of task t's own unweighted loss). `task`: multiplier of task t's gradient on its own head
 * (also the "effective weight" the UI plots).
 */
export interface StepWeights {
  shared: number[];
  task: number[];
  /**
   * gradVectors strategies only: the shared parameters' update direction itself (length n, the grads' order), for
   * methods whose direction is no combination of this step's gradients (DB-MTL, MoCo, GradDrop); `shared` is then
   * only what the UI plots
   */
  direction?: Float64Array;
}

/**
 * The run events a strategy may hook, by name. Every event carries the step it concerns; every other field is a
 * per-task array (length T, task order), which is what lets wrappers pass events on without naming them (the
 * two-phase schedule restricts each array to its active tasks). A new event is one entry here plus its call sites.
 * "Before the step" is `step()` itself: it sees the step's losses and Gram matrix and returns the weights.
 */
export type StrategyEvents = {
  /**
   * after the optimiser applied step `step`'s update (not sent for a step that trains nothing); `losses`: the same
   * batch's losses at the updated parameters, only for a strategy whose spec sets lossesAfterStep
   */
  afterStep: { step: number; losses?: number[] };
  /** at an evaluation after `step` optimiser updates: each task's validation loss */
  eval: { step: number; valLosses: number[] };
  /** when an epoch ends (strategies whose losses are 'step' or 'epoch'); `step` is its last step, meanLosses each task's mean batch loss over the epoch */
  epochEnd: { step: number; meanLosses: number[] };
};

export type StrategyEventName = keyof StrategyEvents;

/** The shape every event has: a step and per-task arrays (the schedule's wrapper relies on it, so tsc checks it there). */
export type StrategyEventShape = { step: number } & Record<string, number | readonly number[]>;

/** Optional handlers, one per event name. */
export type StrategyHooks = { readonly [K in StrategyEventName]?: (event: StrategyEvents[K]) => void };

export interface Strategy {
  readonly id: string;
  readonly needsGrads: boolean;
  /** weights for this step, called before the update (may update internal state, e.g. learned weights) */
  step(input: StepInput): StepWeights;
  /** delivers a run event to the strategy's hook of that name (nothing happens when it has none) */
  emit<K extends StrategyEventName>(name: K, event: StrategyEvents[K]): void;
}

export type ParamRecord = Record<string, number | string | boolean>;

/** What every strategy factory receives; params are already coerced to the registry's ParamSpec list. */
export interface StrategyContext {
  taskIds: string[];
  params: ParamRecord;
  /** fixed per-task weights keyed by task id (the 'fixed' strategy) */
  weights: Record<string, number>;
  seed: number;
  /** the experiment's optimiser learning rate (uncertainty's log-variances learn with it) */
  learningRate: number;
}

/** The per-step part a factory supplies; createStrategy wraps it into a full Strategy. */
export interface StrategyCore {
  step(input: StepInput): StepWeights;
  /** handlers of the run events this strategy reacts to */
  on?: StrategyHooks;
}

/** What each strategy folder's strategy.ts exports as `strategy`: a fresh core per run. */
export type StrategyFactory = (ctx: StrategyContext) => StrategyCore;
