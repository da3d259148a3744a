import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { FakeWorker } from './fakeWorker';
import { createWorkerPool, MAX_POOL_WORKERS, poolSize, type PoolResult } from './pool';

describe('worker pool', () => {
  it('sizes itself by the cores, between 1 and MAX_POOL_WORKERS', () => {
    expect([poolSize(1), poolSize(2), poolSize(64), poolSize(undefined), poolSize(0)]).toEqual([1, 2, MAX_POOL_WORKERS, 2, 2]);
  });

  it('runs jobs two at a time in reused workers, replaces a crashed one, and reports idle', () => {
    const workers: FakeWorker[] = [];
    const results: PoolResult[] = [];
    let idle = 0;
    const pool = createWorkerPool(2, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    }, (r) => results.push(r), () => idle++);
    const cfg = defaultExperiment();
    pool.run([1, 2, 3, 4].map((k) => ({ runId: `r${k}`, config: cfg })));
    expect(workers).toHaveLength(2);
    expect(pool.pending()).toBe(4);
    const finish = (w: FakeWorker) => {
      const id = (w.sent.at(-1) as { runId: string }).runId;
      w.emit({ type: 'metrics', runId: id, points: [], step: 1, stepsPerSec: 1 });
      w.emit({ type: 'done', runId: id, step: 1, stepsPerSec: 9, elapsedMs: 3 });
    };
    finish(workers[0]);
    // worker 0 took the next job itself
    expect(workers[0].sent.map((m) => (m as { runId: string }).runId)).toEqual(['r1', 'r3']);
    workers[1].onerror!({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(workers[1].terminated).toBe(true);
    expect(workers).toHaveLength(3);
    expect(results.map((r) => [r.runId, r.ok])).toEqual([['r1', true], ['r2', false]]);
    expect(results[1].error).toMatch(/crashed: boom/);
    finish(workers[0]);
    finish(workers[2]);
    expect(results.map((r) => r.runId)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(idle).toBe(1);
    pool.cancel();
    expect(workers.every((w) => w.terminated || w === workers[1])).toBe(true);
  });
});
