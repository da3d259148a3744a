import { describe, expect, it } from 'vitest';
import { analyzeExperiment, DATASETS, datasetExperiment, taskMismatches } from './datasets';
import { defaultExperiment } from './defaults';
import type { ExperimentConfig } from './types';

describe('tasks must match the dataset', () => {
  it('every dataset’s own default experiment matches', () => {
    for (const d of DATASETS) expect(taskMismatches(datasetExperiment(d.make())), d.kind).toEqual([]);
  });

  it('2D tasks on MultiMNIST: one message per task, naming the dataset’s tasks; Train is blocked by the first', () => {
    const cfg: ExperimentConfig = defaultExperiment();
    const mnist = datasetExperiment(DATASETS.find((d) => d.kind === 'multimnist')!.make());
    cfg.dataset = mnist.dataset;
    const bad = taskMismatches(cfg);
    expect(bad).toHaveLength(cfg.tasks.length);
    expect(bad[0]).toBe(`Task “${cfg.tasks[0].name}” (${cfg.tasks[0].id}) is not a task of MultiMNIST; its tasks are ${mnist.tasks.map((t) => `“${t.name}”`).join(', ')}.`);
    const a = analyzeExperiment(cfg);
    expect(a.ok).toBe(false);
    expect(a.firstError).toBe(bad[0]);
    expect(a.errors.slice(0, bad.length)).toEqual(bad);
  });

  it('a task with the right id but a different kind or class count is named', () => {
    const cfg = defaultExperiment();
    const [a, b] = cfg.tasks;
    cfg.tasks = [{ ...a, kind: a.kind === 'regression' ? 'binary' : 'regression', classes: a.kind === 'regression' ? 2 : 1 }, { ...b, classes: b.classes + 5 }, ...cfg.tasks.slice(2)];
    const bad = taskMismatches(cfg);
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatch(new RegExp(`^Task “${a.name}” is ${cfg.tasks[0].kind} here, but 2D synthetic makes it ${a.kind}\\.$`));
    expect(bad[1]).toBe(`Task “${b.name}” has ${b.classes + 5} classes here, but 2D synthetic gives it ${b.classes}.`);
  });
});
