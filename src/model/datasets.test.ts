import { describe, expect, it } from 'vitest';
import { analyzeExperiment, DATASETS, datasetExperiment, datasetSpec, datasetTasks, taskClassNames, taskMismatches } from './datasets';
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

  it('a task with the right id but a different kind is named', () => {
    const cfg = defaultExperiment();
    const [a] = cfg.tasks;
    cfg.tasks = [{ ...a, kind: a.kind === 'regression' ? 'binary' : 'regression', classes: a.kind === 'regression' ? 2 : 1 }, ...cfg.tasks.slice(1)];
    const bad = taskMismatches(cfg);
    expect(bad).toEqual([`Task “${a.name}” is ${cfg.tasks[0].kind} here, but 2D synthetic makes it ${a.kind}.`]);
  });

  it('a dataset that cuts any number of classes takes a multiclass task’s count; one that does not names it', () => {
    const plane: ExperimentConfig = defaultExperiment();
    const zone = plane.tasks.find((t) => t.kind === 'multiclass')!;
    zone.classes = 1000;
    expect(taskMismatches(plane)).toEqual([]);
    const mnist = datasetExperiment(DATASETS.find((d) => d.kind === 'multimnist')!.make());
    mnist.tasks[0].classes = 12;
    expect(taskMismatches(mnist)).toEqual([`Task “${mnist.tasks[0].name}” has 12 classes here, but MultiMNIST gives it 10.`]);
  });
});

describe('tasks of a generator outside the registry', () => {
  it('the bench’s random rows define their tasks by the config: nothing to match', () => {
    const cfg = defaultExperiment() as unknown as ExperimentConfig;
    (cfg as { dataset: unknown }).dataset = { kind: 'random', nTrain: 10, nVal: 5, inputDim: 784 };
    expect(taskMismatches(cfg)).toEqual([]);
  });
});

describe('class names', () => {
  it('every dataset: each classification task of its default experiment gets one non-empty name per class, a regression task none', () => {
    for (const d of DATASETS) {
      const ds = d.make();
      for (const t of datasetExperiment(ds).tasks) {
        const names = taskClassNames(ds, t, null);
        expect(names, `${d.kind}/${t.id}`).toHaveLength(t.kind === 'regression' ? 0 : t.kind === 'binary' ? 2 : t.classes);
        expect(names.every((n) => n.length > 0)).toBe(true);
      }
    }
  });

  it('Penguins name the species, sexes and islands in the order the generator encodes them; 2D synthetic numbers its classes', () => {
    const ds = datasetSpec('penguins').make();
    const tasks = datasetExperiment(ds).tasks;
    expect(taskClassNames(ds, tasks.find((t) => t.id === 'species')!, null)).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(taskClassNames(ds, tasks.find((t) => t.id === 'sex')!, null)).toEqual(['FEMALE', 'MALE']);
    const syn = defaultExperiment();
    expect(taskClassNames(syn.dataset, syn.tasks.find((t) => t.id === 'zone')!, null)).toEqual(['0', '1', '2']);
  });

  it('a CSV text target is named by its sorted values in the uploaded table; fewer values than classes fall back to numbers', () => {
    const table = { fileName: 'f.csv', columns: ['x', 'fruit'], rows: [['1', 'pear'], ['2', 'apple'], ['3', ' fig '], ['4', 'apple']] };
    const ds = { kind: 'csv' as const, fileName: 'f.csv', inputs: ['x'], targets: [{ column: 'fruit', kind: 'multiclass' as const, classes: 4 }], valFraction: 0.25 };
    const [task] = datasetTasks(ds);
    expect(taskClassNames(ds, task, table)).toEqual(['apple', 'fig', 'pear', '3']);
    expect(taskClassNames(ds, task, null)).toEqual(['0', '1', '2', '3']);
  });
});
