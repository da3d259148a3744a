/**
 * The engine-neutral trainer (no tfjs here): the step skeleton both engines share — phases, epochs, which
 * numbers a step reads, the strategy's hooks, evaluation bookkeeping — around what an engine supplies
 * (EngineCore). The worker and the tests drive a Trainer through trainLoop (loop.ts).
 */
import { weightingSpec, type DatasetArrays, type ExperimentConfig, type NodeInspection, type WarmInit, type WarmStartEntry } from '../model';
import type { MetricPoint, NodeWeights } from '../protocol';
import { stepGeometry, type StepGeometry } from './batches';
import { createConflictMeter } from './conflict';
import { strategyHooks } from './hooks';
import { planPhases, type PhasePlan } from './phases';
import { phasedStrategy } from './schedule';
import type { StepWeights, Strategy } from './weighting';

export interface Trainer {
  /** optimizer updates done so far */
  readonly step: number;
  /** config.optimizer.steps */
  readonly totalSteps: number;
  readonly paramCount: number;
  /** true when the current step should be evaluated (every evalEvery steps, step 0 and the last step) and has not been yet */
  readonly evalDue: boolean;
  /** one optimizer update; returns a promise when the step must read numbers back (then await it before the next) */
  trainStep(): void | Promise<void>;
  /** metrics at the current step (one async read); throws when a loss is not finite */
  evaluate(): Promise<MetricPoint>;
  /** the heads' raw outputs (logits for classification), one [n, width] array per task, for n rows of x (n × inputDim); no training-mode layers */
  predict(x: Float32Array, n: number): Promise<Float32Array[]>;
  /** ∂(task t's mean loss)/∂x for n rows of x (n × inputDim) with labels y (as in DatasetArrays), in inference mode; n × inputDim values */
  inputGradient(t: number, x: Float32Array, y: Float32Array, n: number): Promise<Float32Array>;
  /** every built node's current weights (see NodeWeights), in build order; copies */
  weights(): Promise<NodeWeights[]>;
  /** live tables of the fusion modules that offer one (cross-stitch α, MMoE/CGC mean gate weights), from validation rows; [] on the JS engine */
  inspect(): Promise<NodeInspection[]>;
  /** warm start, before the first step: copy the given nodes' tensors where the id and every shape match; one entry per given node with weights */
  loadWeights(nodes: readonly WarmInit[]): WarmStartEntry[];
  /** frees every tensor the trainer owns */
  dispose(): void;
}

export interface TrainerOptions {
  /** cap on the train rows used for the reported train loss (fixed subset: the first rows); default 1024 */
  maxEvalRows?: number;
}

/** The message for a run whose loss overflowed. */
export function divergedMessage(step: number): string {
  return `Training diverged at step ${step} (loss is not finite). Try a lower learning rate.`;
}

/** Everything about a run that is the same on both engines, from the config alone. */
export interface TrainingSetup {
  config: ExperimentConfig;
  geometry: StepGeometry;
  phases: PhasePlan;
  strategy: Strategy;
  /** which losses the strategy reads: every step's, each epoch's mean, or none */
  lossMode: 'step' | 'epoch' | 'none';
  /** the strategy reads the batch's losses again after each update (FAMO) */
  lossesAfterStep: boolean;
  /** the strategy reads every task's gradient vector on the shared parameters (DB-MTL, MoCo, GradDrop, ExcessMTL) */
  gradVectors: boolean;
}

/** The shared setup of a run; throws (before an engine allocates anything) when the schedule or strategy is invalid. */
export function trainingSetup(config: ExperimentConfig, data: Pick<DatasetArrays, 'nTrain'>, opts: TrainerOptions = {}): TrainingSetup {
  const ids = config.tasks.map((t) => t.id);
  return {
    config,
    geometry: stepGeometry(config, data.nTrain, opts.maxEvalRows),
    phases: planPhases(config.schedule, ids),
    strategy: phasedStrategy(config.weighting, config.schedule, ids, config.seed, config.optimizer.learningRate),
    lossMode: weightingSpec(config.weighting.kind)?.losses ?? 'none',
    lossesAfterStep: weightingSpec(config.weighting.kind)?.lossesAfterStep ?? false,
    gradVectors: weightingSpec(config.weighting.kind)?.gradVectors ?? false,
  };
}

/** What a step reads: nothing, the batch's per-task losses, or also every task's gradient ('grads'). */
export type Need = 'none' | 'losses' | 'grads';

/** What a step's probe (its forward pass, and per-task backward passes for 'grads') found; engines add what they hold. */
export interface Probe {
  /** the batch's per-task losses, when read (null: not read this step) */
  losses: number[] | null;
  /** T×T Gram matrix of the tasks' gradients on the shared parameters ('grads' with shared parameters), else null */
  gram: number[][] | null;
  /** the Gram matrix a gradient strategy solves on: `gram`, or the shared representation's (MGDA-UB); null when none */
  solveGram: number[][] | null;
  /** per task, its gradient on the shared parameters, for a gradVectors strategy ('grads' probes); absent otherwise */
  grads?: Float32Array[] | null;
}

/** Per-task numbers of one evaluation, in config.tasks order. */
export interface EvalValues {
  trainLoss: number[];
  valLoss: number[];
  metric: number[];
}

/** What an engine supplies; assembleTrainer calls it in the order of the shared step skeleton. */
export interface EngineCore<P extends Probe = Probe> {
  paramCount: number;
  /** whether any parameter trains in the current phase (a step with none changes nothing) */
  trains(): boolean;
  /** whether the current phase trains parameters that feed ≥ 2 tasks (only then is the conflict measured) */
  hasShared(): boolean;
  /** a new phase starts at this step: restart the optimiser over its parameters; engines that refuse schedules leave it out */
  enterPhase?(phase: 1 | 2): void;
  /** a new epoch starts, with this row order */
  startEpoch(order: Int32Array): void;
  /** the forward pass on the batch at `start` of the epoch's order (training mode), reading what `need` asks */
  probe(step: number, start: number, need: Need): P | Promise<P>;
  /** the update from the probe and the strategy's coefficients (also adds to the epoch's losses when the strategy reads them) */
  update(step: number, probe: P, w: StepWeights): void;
  /** after update: the probed batch's per-task losses at the updated parameters (training mode), for lossesAfterStep strategies */
  lossesAfter(step: number, start: number, probe: P): number[] | Promise<number[]>;
  /** frees what the probe holds (called once per probe, also when the step fails) */
  release(probe: P): void;
  /** the per-task losses summed since the last call, then reset; null when none were added */
  takeEpochLosses(): number[] | null | Promise<number[] | null>;
  /** per-task numbers at `step`: train loss on the eval subset, validation loss and metric */
  evaluate(step: number): Promise<EvalValues>;
  predict(x: Float32Array, n: number, step: number): Promise<Float32Array[]>;
  inputGradient(t: number, x: Float32Array, y: Float32Array, n: number, step: number): Promise<Float32Array>;
  weights(): Promise<NodeWeights[]>;
  inspect(): Promise<NodeInspection[]>;
  loadWeights(nodes: readonly WarmInit[]): WarmStartEntry[];
  dispose(): void;
}

/** f(x) at once when x is a value, after it resolves when it is a promise: steps that read nothing stay synchronous. */
export function andThen<A, B>(x: A | Promise<A>, f: (a: A) => B | Promise<B>): B | Promise<B> {
  return x instanceof Promise ? x.then(f) : f(x);
}

/** A Trainer from the shared setup and an engine's core. Evaluation at step 0, every evalEvery steps and at the last step. */
export function assembleTrainer<P extends Probe>(setup: TrainingSetup, engine: EngineCore<P>): Trainer {
  const { geometry: g, phases, strategy, lossMode, lossesAfterStep } = setup;
  const T = setup.config.tasks.length;
  const hooks = strategyHooks(strategy, T);
  const meter = createConflictMeter();
  let step = 0;
  let lastEval = -1;
  let epoch = -1;

  /** The step losses a strategy with losses 'step' read this epoch, summed (already on the CPU: no engine read). */
  const stepSums = new Array<number>(T).fill(0);

  /** Count the step; at an epoch's end hand the epoch's losses to a strategy that reads them (per step or per epoch). */
  function finish(): void | Promise<void> {
    step++;
    if (lossMode === 'none' || step % g.perEpoch !== 0) return;
    if (lossMode === 'step') {
      hooks.epochEnded(step - 1, [...stepSums], g.perEpoch);
      stepSums.fill(0);
      return;
    }
    return andThen(engine.takeEpochLosses(), (sums) => {
      if (sums) hooks.epochEnded(step - 1, sums, g.perEpoch);
    });
  }

  /** The coefficients for a probed step: the strategy sees the losses read (else zeros) and, when it needs them, the Gram matrix. */
  function weigh(at: number, p: P): StepWeights {
    if (p.gram) meter.record(p.gram);
    const gram = strategy.needsGrads ? (p.solveGram ?? setup.config.tasks.map(() => new Array<number>(T).fill(0))) : null;
    // No shared parameters this phase: empty vectors (the strategy's direction is then empty too).
    const grads = setup.gradVectors ? (p.grads ?? setup.config.tasks.map(() => new Float32Array(0))) : null;
    return hooks.beforeUpdate(at, p.losses ?? new Array<number>(T).fill(0), gram, grads);
  }

  /**
   * One optimizer update. Synchronous unless the step needs numbers on the CPU — per-task gradients (gradient
   * strategies, or the conflict measurement once per evaluation interval) or per-step losses — or an epoch
   * ends for a strategy that reads epoch losses: then a promise (WebGPU in a worker cannot read synchronously).
   */
  function trainStep(): void | Promise<void> {
    if (step >= g.totalSteps) return;
    const at = step;
    if (phases.restartsAt(at)) engine.enterPhase?.(phases.phaseAt(at));
    // Everything frozen in this phase: the step changes nothing.
    if (!engine.trains()) return finish();
    const e = g.epochOf(at);
    if (e !== epoch) {
      engine.startEpoch(g.order(e));
      epoch = e;
    }
    const perTask = strategy.needsGrads || (engine.hasShared() && at % g.evalEvery === 0);
    const need: Need = perTask ? 'grads' : lossMode === 'step' ? 'losses' : 'none';
    const start = g.startOf(at);
    return andThen(engine.probe(at, start, need), (p) => {
      let after: number[] | Promise<number[]> | undefined;
      try {
        engine.update(at, p, weigh(at, p));
        if (lossMode === 'step' && p.losses) p.losses.forEach((l, t) => (stepSums[t] += l));
        if (lossesAfterStep) after = engine.lossesAfter(at, start, p);
      } catch (err) {
        engine.release(p);
        throw err;
      }
      const done = (losses: number[] | undefined) => {
        try {
          hooks.afterUpdate(at, losses && [...losses]);
        } finally {
          engine.release(p);
        }
        return finish();
      };
      if (!(after instanceof Promise)) return done(after);
      return after.then(done, (err) => {
        engine.release(p);
        throw err;
      });
    });
  }

  async function evaluate(): Promise<MetricPoint> {
    const at = step;
    const v = await engine.evaluate(at);
    lastEval = at;
    const point = metricPoint(at, v, hooks.weights(), meter.take());
    hooks.evaluated(v.valLoss, at);
    return point;
  }

  return {
    get step() {
      return step;
    },
    totalSteps: g.totalSteps,
    paramCount: engine.paramCount,
    get evalDue() {
      return g.evalDue(step, lastEval);
    },
    trainStep,
    evaluate,
    predict: (x, n) => engine.predict(x, n, step),
    inputGradient: (t, x, y, n) => engine.inputGradient(t, x, y, n, step),
    weights: () => engine.weights(),
    inspect: () => engine.inspect(),
    loadWeights: (nodes) => engine.loadWeights(nodes),
    dispose: () => engine.dispose(),
  };
}

/** The metric point of an evaluation; throws the divergence message when a loss is not finite. */
export function metricPoint(step: number, values: EvalValues, weights: number[], conflict: MetricPoint['conflict']): MetricPoint {
  const tasks = values.trainLoss.map((trainLoss, i) => ({ trainLoss, valLoss: values.valLoss[i], metric: values.metric[i] }));
  const totalLoss = tasks.reduce((a, p, i) => a + weights[i] * p.trainLoss, 0);
  if (!Number.isFinite(totalLoss) || tasks.some((p) => !Number.isFinite(p.valLoss))) throw new Error(divergedMessage(step));
  return { step, tasks, weights: [...weights], totalLoss, conflict };
}
