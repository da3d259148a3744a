/** MMoE kernel: K relu experts shared by all tasks, one softmax gate per task (the tfjs builder's layout and init). */
import type { FastKernel } from '../../train/fast/kernel';
import { mixtureLayer } from '../../train/fast/moe';
import { GATE_NOTE, numbered, taskRows } from '../../train/tables';

export const kernel: FastKernel = (ctx) => {
  const k = Number(ctx.params.experts);
  const t = ctx.tasks.length;
  // Every task's gate reads every expert.
  const sel = Int32Array.from({ length: t * k }, (_, i) => i % k);
  const m = mixtureLayer(ctx, k, Number(ctx.params.units), k, sel);
  return {
    ...m,
    inspect: (io) => ({
      title: 'Mean gate weight per expert',
      note: GATE_NOTE,
      rowLabels: taskRows(ctx.tasks),
      colLabels: numbered('E', k),
      rows: t,
      cols: k,
      values: m.gatesOf(io.scratch, io.B),
    }),
  };
};
