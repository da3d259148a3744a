/** CGC kernel: Ks shared and Kt per-task relu experts; task t's gate mixes the shared experts and its own (the tfjs builder's layout). */
import type { FastKernel } from '../../train/fast/kernel';
import { mixtureLayer } from '../../train/fast/moe';
import { GATE_NOTE, numbered, taskRows } from '../../train/tables';

export const kernel: FastKernel = (ctx) => {
  const ks = Number(ctx.params.sharedExperts);
  const kt = Number(ctx.params.taskExperts);
  const t = ctx.tasks.length;
  const kg = ks + kt;
  // Gate slot j of task i: shared expert j, then the task's own block after all shared ones.
  const sel = Int32Array.from({ length: t * kg }, (_, s) => {
    const i = Math.floor(s / kg);
    const j = s % kg;
    return j < ks ? j : ks + i * kt + (j - ks);
  });
  const m = mixtureLayer(ctx, ks + t * kt, Number(ctx.params.units), kg, sel);
  return {
    ...m,
    inspect: (io) => ({
      title: 'Mean gate weight per expert',
      note: `${GATE_NOTE} S = shared experts, T = the row task’s own experts.`,
      rowLabels: taskRows(ctx.tasks),
      colLabels: [...numbered('S', ks), ...numbered('T', kt)],
      rows: t,
      cols: kg,
      values: m.gatesOf(io.scratch, io.B),
    }),
  };
};
