import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../protocol';
import { MAX_STORED_POINTS, openRunsDb } from './runsDb';
import { createSeriesWriter, fullSeries } from './seriesWriter';

const point = (step: number): MetricPoint => ({ step, tasks: [{ trainLoss: step, valLoss: step + 1, metric: 0.5 }], weights: [1], totalLoss: step, conflict: null });
const steps = (ps: readonly MetricPoint[]) => ps.map((p) => p.step);

describe('createSeriesWriter', () => {
  it('writes one chunk per `chunk` points as they arrive, the rest at the end, and ignores other runs', () => {
    const writes: [string, number, number[]][] = [];
    const w = createSeriesWriter((id, i, ps) => writes.push([id, i, steps(ps)]), 3);
    w.begin('a');
    w.add('a', [point(0), point(1)]);
    expect(writes).toEqual([]); // not per message: nothing until a chunk is full
    w.add('a', [point(2), point(3)]);
    w.add('stale', [point(99)]);
    expect(writes).toEqual([['a', 0, [0, 1, 2]]]);
    w.end();
    expect(writes).toEqual([['a', 0, [0, 1, 2]], ['a', 1, [3]]]);
    w.end(); // nothing left
    w.begin('b');
    w.add('b', [point(5)]);
    w.begin('c'); // a new run ends the previous one
    expect(writes.at(-1)).toEqual(['b', 0, [5]]);
  });
});

describe('full series in IndexedDB', () => {
  it('gives every evaluation of a run longer than the stored bound, and deleting the run drops its chunks', async () => {
    const db = await openRunsDb('series', new IDBFactory());
    const n = MAX_STORED_POINTS * 3 + 7;
    const w = createSeriesWriter((id, i, ps) => void db.putSeriesChunk(id, i, ps), 256);
    w.begin('r');
    for (let s = 0; s < n; s++) w.add('r', [point(s * 10)]);
    w.end();
    const back = await db.readSeries('r', 1);
    expect(back).toHaveLength(n);
    expect(steps(back).slice(0, 3)).toEqual([0, 10, 20]);
    expect(back[n - 1].step).toBe((n - 1) * 10);
    // points of another task count are not this run's: skipped
    expect(await db.readSeries('r', 2)).toEqual([]);
    await db.deleteRun('r');
    expect(await db.readSeries('r', 1)).toEqual([]);
    db.close();
  });

  it('orders chunks by index, skips malformed points and steps that go back', async () => {
    const db = await openRunsDb('series2', new IDBFactory());
    await db.putSeriesChunk('r', 1, [point(30), { step: 'x' } as unknown as MetricPoint, point(40)]);
    await db.putSeriesChunk('r', 0, [point(0), point(10), point(20)]);
    await db.putSeriesChunk('r', 2, [point(35), point(50)]);
    expect(steps(await db.readSeries('r', 1))).toEqual([0, 10, 20, 30, 40, 50]);
    db.close();
  });
});

describe('fullSeries', () => {
  it('appends the known points past the last stored step; a run without chunks gives the known ones', async () => {
    const stored = [point(0), point(10), point(20)];
    const saver = { readSeries: async (id: string) => (id === 'new' ? stored : []) };
    expect(steps(await fullSeries(saver, 'new', 1, [point(0), point(20), point(30), point(40)]))).toEqual([0, 10, 20, 30, 40]);
    expect(steps(await fullSeries(saver, 'old', 1, [point(0), point(20)]))).toEqual([0, 20]);
  });
});
