/** Training slice: the live run's view (see trainingView.ts) and the actions that start, pause and stop it. */
import { planWarmStart, WARM_FILE_PREFIX, warmInit, type ExperimentConfig } from '../../model';
import { defaultRunName } from '../runs';
import { idleTraining, type TrainingView } from '../trainingView';
import type { SliceContext } from './context';

export interface TrainingSlice extends TrainingView {
  /** Train the current experiment (refused with a banner when its graph has an error); ends any live run or run queue. */
  train(): void;
  pause(): void;
  resume(): void;
  /** Terminate the worker: the run stops at once and is kept as 'stopped'. */
  stop(): void;
  /** Stop, and clear the live view. */
  reset(): void;
}

/** Start a warm-started run once its source weights are fetched (memory or IndexedDB), unless `stale()` says it was called off meanwhile. */
async function startWarm(ctx: SliceContext, snapshot: ExperimentConfig, name: string, stale: () => boolean): Promise<void> {
  const ws = snapshot.warmStart!;
  const src = await ctx.get().getWarmSource(ws.runId);
  if (stale()) return;
  const label = ws.runName || ws.runId;
  if (!src) {
    const note = ws.runId.startsWith(WARM_FILE_PREFIX)
      ? `The warm-start file “${label}” is not loaded in this tab (uploaded weights are kept in memory only): this run trains from scratch.`
      : `The warm-start run “${label}” (or its weights) is not in this browser: this run trains from scratch.`;
    return ctx.session.start(snapshot, 'mtl', name, { warm: { record: { source: label, note, report: [] } } });
  }
  // Matched by structure (the same rule the Warm start panel shows); the engines check every shape again.
  const init = warmInit(planWarmStart(src.config, src.weights, snapshot), ws.nodes, src.weights);
  ctx.session.start(snapshot, 'mtl', name, { warm: { record: { source: src.name, report: [] }, init } });
}

/** The training slice: idle. */
export function trainingSlice(ctx: SliceContext): TrainingSlice {
  const { set, get, session } = ctx;
  /** identity of the latest train() call, so a warm start's late weights fetch does not start a stale run */
  let startToken: object = {};
  return {
    ...idleTraining,
    train: () => {
      const { config, analysis } = get();
      if (!analysis.ok) return set({ banner: { kind: 'error', text: `Cannot train: ${analysis.firstError}` } });
      session.cancelQueue();
      const snapshot = structuredClone(config);
      const name = defaultRunName(snapshot, get().runs.map((r) => r.name));
      if (!snapshot.warmStart) return session.start(snapshot, 'mtl', name);
      // The source's weights arrive asynchronously: the run is 'starting' meanwhile.
      set({ ...idleTraining, status: 'starting', runTasks: snapshot.tasks, totalSteps: snapshot.optimizer.steps });
      const token = (startToken = {});
      // Stopped, reset or started again meanwhile: that start is called off.
      void startWarm(ctx, snapshot, name, () => token !== startToken || get().status !== 'starting');
    },
    pause: () => session.pause(),
    resume: () => session.resume(),
    stop: () => {
      session.stop();
      if (['starting', 'running', 'paused'].includes(get().status)) set({ status: 'stopped' });
    },
    reset: () => {
      session.stop();
      set({ ...idleTraining });
    },
  };
}
