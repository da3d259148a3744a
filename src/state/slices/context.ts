/** What every slice creator gets: the store's set/get, the run session and the run saver. */
import type { StoreApi } from 'zustand';
import type { RunSaver } from '../runSaver';
import type { RunSession } from '../runSession';
import type { AppState } from '../storeTypes';

export interface SliceContext {
  set: StoreApi<AppState>['setState'];
  get: StoreApi<AppState>['getState'];
  session: RunSession;
  saver: RunSaver;
}
