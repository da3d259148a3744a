import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import type { ToWorker } from '../protocol';
import { FakeWorker } from '../bridge/fakeWorker';
import { uploadCsv } from './datasets';
import { createAppStore } from './store';

const CSV = 'a,b,label\n1,2,x\n2,3,y\n3,1,x\n4,5,y\n5,4,x\n6,2,y\n';

function setup() {
  const workers: FakeWorker[] = [];
  const store = createAppStore(defaultExperiment(), () => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
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
