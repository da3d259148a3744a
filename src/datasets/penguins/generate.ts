/** Palmer penguins (vega-datasets' penguins.json) → a tabular multi-task dataset. */
import { tabularArrays } from '../../data/tabular';
import type { DatasetArrays, TaskSpec } from '../../model';
import type { DatasetBuilder } from '../build';
import type { PenguinsConfig } from './schema';
import { PENGUIN_TARGETS } from './spec';

export type PenguinRow = Record<string, string | number | null>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Build the arrays from the raw rows; tasks come from spec.tasks(cfg). */
export function generatePenguins(cfg: PenguinsConfig, tasks: TaskSpec[], seed: number, rows: PenguinRow[]): DatasetArrays {
  const byId = new Map(Object.entries(PENGUIN_TARGETS).map(([col, t]) => [t.id, { col, t }]));
  return tabularArrays(
    {
      inputs: cfg.inputs.map((c) => rows.map((r) => num(r[c]))),
      targets: tasks.map((task) => {
        const e = byId.get(task.id);
        if (!e) return { id: task.id, regression: task.kind === 'regression', values: rows.map(() => null) };
        const labels = e.t.labels;
        return {
          id: task.id,
          regression: !labels,
          values: rows.map((r) => {
            const v = r[e.col];
            if (!labels) return num(v);
            const k = labels.indexOf(String(v));
            return k >= 0 ? k : null; // null, '.' and unknown labels are missing
          }),
        };
      }),
      valFraction: cfg.valFraction,
    },
    rows.length,
    seed,
  );
}

declare module '../build' {
  interface DataSources {
    penguins?: PenguinRow[];
  }
  interface DatasetBuilders {
    penguins: true;
  }
}

export const builder: DatasetBuilder<'penguins'> = {
  kind: 'penguins',
  async load() {
    // Aliased in vite.config.ts (the package exports only its JS entry); Vite puts the JSON in its own chunk.
    const mod = await import('vega-datasets/data/penguins.json');
    return { penguins: mod.default };
  },
  generate(ds, tasks, seed, sources) {
    if (!sources.penguins) throw new Error('penguin data is not loaded');
    return generatePenguins(ds, tasks, seed, sources.penguins);
  },
};
