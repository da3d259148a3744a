/**
 * The record of the run the worker trains now. It follows the worker's messages (reduceRun) and is written out at
 * its start, at most every `flushMs` while it runs, and when it ends; meanwhile this tab holds the run's Web Lock.
 */
import type { FromWorker } from '../protocol';
import { reduceRun, refreshAfter } from './runReducer';
import { finishRun } from './runs';
import { holdRunLock, releaseRunLock } from './runLocks';
import type { RunRecord, RunRecordStatus } from './runsDb';

export interface LiveRun {
  /** the live record (newer than the runs list between two writes), or null */
  record(): RunRecord | null;
  /** Take `rec` as the live run and write it out. */
  begin(rec: RunRecord): void;
  /** Follow one worker message; a finishing message ends the run. */
  apply(msg: FromWorker): void;
  /** End the live run (if any) with `status`. */
  end(status: Exclude<RunRecordStatus, 'running'>, extra?: Parameters<typeof finishRun>[2]): void;
  rename(id: string, name: string): void;
}

export interface LiveRunOptions {
  /** clock, ms */
  now: () => number;
  /** least time between two writes of a running record, ms */
  flushMs: number;
  /** write a record out (runs list and database) */
  write(rec: RunRecord): void;
  /** the run ended with this (already written) record */
  ended(rec: RunRecord): void;
}

/** A live-run holder with nothing live. */
export function createLiveRun({ now, flushMs, write, ended }: LiveRunOptions): LiveRun {
  let live: RunRecord | null = null;
  let lastWrite = 0;
  const flush = () => {
    if (!live) return;
    lastWrite = now();
    write(live);
  };
  const finish = (rec: RunRecord) => {
    releaseRunLock(rec.id);
    live = null;
    write(rec);
    ended(rec);
  };
  return {
    record: () => live,
    begin: (rec) => {
      live = rec;
      holdRunLock(rec.id);
      flush();
    },
    apply: (msg) => {
      if (!live) return;
      const next = reduceRun(live, msg);
      if (next.status !== 'running') return finish(next);
      live = next;
      const when = refreshAfter(msg);
      if (when === 'now' || (when === 'throttled' && now() - lastWrite >= flushMs)) flush();
    },
    end: (status, extra = {}) => {
      if (live) finish(finishRun(live, status, extra));
    },
    rename: (id, name) => {
      if (live?.id === id) live = { ...live, name };
    },
  };
}
