/** Test-only: an app store whose workers are FakeWorkers (src/bridge/fakeWorker.ts), kept in start order. */
import { FakeWorker } from '../bridge/fakeWorker';
import { defaultExperiment, type ExperimentConfig } from '../model';
import { createAppStore, type StoreOptions } from './store';

/** A store on `initial` (default experiment) whose every new worker is a FakeWorker pushed onto `workers`. */
export function fakeWorkerStore(initial: ExperimentConfig = defaultExperiment(), opts: StoreOptions = {}) {
  const workers: FakeWorker[] = [];
  const store = createAppStore(
    initial,
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    opts,
  );
  return { store, workers, last: () => workers[workers.length - 1] };
}
