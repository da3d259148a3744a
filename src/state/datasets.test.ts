import { describe, expect, it } from 'vitest';
import { datasetExperiment, datasetSpec, defaultExperiment } from '../model';
import type { PenguinsConfig } from '../datasets/penguins/schema';
import type { ToWorker } from '../protocol';
import { switchDataset, uploadCsv } from './datasets';
import { fakeWorkerStore } from './testing';

const CSV = 'a,b,label\n1,2,x\n2,3,y\n3,1,x\n4,5,y\n5,4,x\n6,2,y\n';

function setup() {
  const { store, workers } = fakeWorkerStore();
  return { store, workers };
}

describe('the uploaded CSV lives in the store', () => {
  it('is kept per store, switches the experiment to it, and travels with the start message only', async () => {
    const { store, workers } = setup();
    const other = setup();
    expect(await uploadCsv(store, CSV, 'small.csv')).toBe(true);
    const table = store.getState().csv.table;
    expect(table?.columns).toEqual(['a', 'b', 'label']);
    expect(store.getState().config.dataset).toMatchObject({ kind: 'csv', fileName: 'small.csv' });
    expect(other.store.getState().csv.table).toBeNull();
    store.getState().train();
    const start = workers[0].sent[0] as Extract<ToWorker, { type: 'start' }>;
    expect(start.table).toBe(table);
    expect(JSON.stringify(start.config)).not.toContain('"rows"');
    // A run of another dataset gets no table.
    other.store.getState().train();
    expect(other.workers[0].sent[0]).not.toHaveProperty('table');
  });

  it('a bad file leaves the experiment and the table alone, with the message in the store', async () => {
    const { store } = setup();
    const before = store.getState().config;
    expect(await uploadCsv(store, '', 'empty.csv')).toBe(false);
    expect(store.getState().csv).toMatchObject({ table: null, error: expect.stringMatching(/\S/) });
    expect(store.getState().config).toBe(before);
  });
});

describe('picking a dataset sets its training recipe', () => {
  it('MultiMNIST gets Sener & Koltun’s: Adam 1e-3, batch 256, 10 epochs of 20,000 pairs; back to 2D gets the defaults; a column choice keeps the optimiser', () => {
    const { store } = setup();
    const def = defaultExperiment();
    store.getState().update((d) => void (d.optimizer.momentum = 0.5));
    switchDataset(store, datasetSpec('multimnist').make());
    const c = store.getState().config;
    expect(c.dataset).toEqual({ kind: 'multimnist', nTrain: 20_000, nVal: 2_000 });
    // 20,000 / 256 = 78 whole batches per epoch (the ragged tail is dropped): 10 epochs = 780 steps, one evaluation per epoch.
    expect(c.optimizer).toEqual({ kind: 'adam', learningRate: 1e-3, batchSize: 256, steps: 780, momentum: 0.5 });
    expect(c.evalEvery).toBe(78);
    switchDataset(store, def.dataset);
    expect(store.getState().config.optimizer).toEqual({ ...def.optimizer, momentum: 0.5 });
    expect(store.getState().config.evalEvery).toBe(def.evalEvery);
    // Penguins' column toggles switch within the kind: the optimiser the user set stays.
    switchDataset(store, datasetSpec('penguins').make());
    store.getState().update((d) => void (d.optimizer.learningRate = 0.003));
    const p = store.getState().config.dataset as PenguinsConfig;
    switchDataset(store, { ...p, inputs: p.inputs.slice(1) });
    expect(store.getState().config.optimizer.learningRate).toBe(0.003);
  });

  it('the default experiment of MultiMNIST carries the same recipe', () => {
    const cfg = datasetExperiment(datasetSpec('multimnist').make());
    expect(cfg.optimizer).toMatchObject({ kind: 'adam', learningRate: 1e-3, batchSize: 256, steps: 780 });
    expect(cfg.evalEvery).toBe(78);
    expect(datasetExperiment(defaultExperiment().dataset).optimizer).toEqual(defaultExperiment().optimizer);
  });
});
