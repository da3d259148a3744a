import { describe, expect, it } from 'vitest';
import { defaultExperiment, type CsvTable } from '../model';
import type { FromWorker } from '../protocol';
import { createTrainingBridge } from './index';
import { FakeWorker } from './fakeWorker';


describe('training bridge', () => {
  it('drops messages from stale runs and terminates on stop', () => {
    const got: FromWorker[] = [];
    const workers: FakeWorker[] = [];
    const bridge = createTrainingBridge((m) => got.push(m), () => { const w = new FakeWorker(); workers.push(w); return w as unknown as Worker; });
    const [first, second] = ['run-a', 'run-b'];
    bridge.start({ runId: first, config: defaultExperiment() });
    expect(workers[0].sent[0]).toMatchObject({ type: 'start', runId: first });
    expect(workers[0].sent[0]).not.toHaveProperty('table');
    bridge.start({ runId: second, config: defaultExperiment() });
    expect(workers[0].terminated).toBe(true);
    workers[0].emit({ type: 'paused', runId: first, step: 3 });
    workers[1].emit({ type: 'paused', runId: first, step: 3 });
    workers[1].emit({ type: 'paused', runId: second, step: 4 });
    expect(got).toEqual([{ type: 'paused', runId: second, step: 4 }]);
    bridge.pause();
    expect(workers[1].sent.at(-1)).toEqual({ type: 'pause', runId: second });
    bridge.stop();
    expect(workers[1].terminated).toBe(true);
    expect(bridge.current()).toBeNull();
  });

  it('turns a worker crash into an error message for the run', () => {
    const got: FromWorker[] = [];
    let w!: FakeWorker;
    const bridge = createTrainingBridge((m) => got.push(m), () => (w = new FakeWorker()) as unknown as Worker);
    const id = 'run-c';
    bridge.start({ runId: id, config: defaultExperiment() });
    w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(got).toEqual([{ type: 'error', runId: id, message: 'The training worker crashed: boom' }]);
    expect(w.terminated).toBe(true);
  });

  it('sends the table and warm-start weights it is given with the start message', () => {
    let w!: FakeWorker;
    const bridge = createTrainingBridge(() => {}, () => (w = new FakeWorker()) as unknown as Worker);
    const table: CsvTable = { fileName: 'a.csv', columns: ['a'], rows: [['1']] };
    const init = [{ id: 'd1', kind: 'dense', tensors: [] }];
    bridge.start({ runId: 'r', config: defaultExperiment(), table, init });
    expect(w.sent[0]).toMatchObject({ type: 'start', runId: 'r', table, init });
  });
});
