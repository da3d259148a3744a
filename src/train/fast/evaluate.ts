/** The JS engine's inference-mode passes: evaluation, predictions and input gradients (FGSM). */
import type { DatasetArrays, TaskSpec } from '../../model';
import type { StepGeometry } from '../batches';
import type { EngineCore } from '../trainer';
import { accuracy } from './kernels';
import { backward, bindInput, buffers, forward, headOut, taskLoss, type Buffers, type Topology } from './passes';
import type { FastPlan } from './plan';

/** The inference-mode parts of the engine core over the plan's current parameters. */
export function fastEvaluator(tasks: TaskSpec[], data: DatasetArrays, plan: FastPlan, topo: Topology, geometry: StepGeometry): Pick<EngineCore, 'evaluate' | 'predict' | 'inputGradient'> {
  const { nodes, heads, P } = plan;
  const evalTrain = buffers(plan, geometry.nEvalTrain, 'none');
  const evalVal = buffers(plan, data.nVal, 'none');
  /** Inference buffers by row count, made on first use (the boundary grid and the validation set reuse theirs). */
  const predictBufs = new Map<number, Buffers>();

  /** Per-task mean loss and metric (accuracy, or RMSE for regression) on the first buf.B rows of x. */
  function lossesOn(buf: Buffers, x: Float32Array, y: Record<string, Float32Array>, step: number): { loss: number[]; metric: number[] } {
    bindInput(plan, buf, x);
    forward(plan, P, buf, false, step);
    const loss: number[] = [];
    const metric: number[] = [];
    tasks.forEach((task, t) => {
      const z = headOut(plan, buf, t);
      const yt = y[task.id];
      const l = taskLoss(task, z, yt, buf.B, null, 0);
      loss.push(l);
      metric.push(task.kind === 'regression' ? Math.sqrt(l) : accuracy(z, yt, buf.B, task.kind === 'multiclass' ? task.classes : 1));
    });
    return { loss, metric };
  }

  return {
    async evaluate(step) {
      const tr = lossesOn(evalTrain, data.xTrain, data.yTrain, step);
      const va = lossesOn(evalVal, data.xVal, data.yVal, step);
      return { trainLoss: tr.loss, valLoss: va.loss, metric: va.metric };
    },
    async predict(x, n, step) {
      let buf = predictBufs.get(n);
      if (!buf) predictBufs.set(n, (buf = buffers(plan, n, 'none')));
      bindInput(plan, buf, x);
      forward(plan, P, buf, false, step);
      return heads.map((h) => buf.acts[h][0].slice(0, n * nodes[h].widths[0]));
    },
    /** Backward through every node into the input. */
    async inputGradient(t, x, y, n, step) {
      const buf = buffers(plan, n, 'all');
      bindInput(plan, buf, x);
      forward(plan, P, buf, false, step);
      taskLoss(tasks[t], headOut(plan, buf, t), y, n, buf.grads[heads[t]][0], 1 / n);
      backward(plan, topo, P, buf, new Float32Array(P.length), { only: -1, intoInput: true });
      return buf.grads[plan.input][0];
    },
  };
}
