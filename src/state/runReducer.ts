/** How a worker message changes the live run's record: a pure reducer, and when the changed record is worth writing out. */
import type { FromWorker } from '../protocol';
import { appendPoints, finishRun } from './runs';
import type { RunRecord } from './runsDb';

/**
 * The record after `msg`. Messages of another run, messages to a finished record and messages that only the live
 * view shows (pause, boundary, inspection, predictions) return `rec` itself; 'done' and 'error' finish it.
 */
export function reduceRun(rec: RunRecord, msg: FromWorker): RunRecord {
  if (msg.runId !== rec.id || rec.status !== 'running') return rec;
  switch (msg.type) {
    case 'ready':
      return { ...rec, backend: msg.backend };
    case 'metrics':
      return { ...appendPoints(rec, msg.points), stepsPerSec: msg.stepsPerSec };
    case 'robustness':
      // Arrives before 'done': the finished record keeps it.
      return { ...rec, robustness: msg.robustness };
    case 'weights':
      // The weights themselves are stored apart from the record (they are large).
      return { ...rec, hasWeights: true };
    case 'warmstart':
      return { ...rec, warmStart: { ...(rec.warmStart ?? { source: '' }), report: msg.report } };
    case 'done':
      return finishRun(rec, 'done', { stepsPerSec: msg.stepsPerSec, elapsedMs: msg.elapsedMs });
    case 'error':
      return finishRun(rec, 'failed', { error: msg.message });
    case 'paused':
    case 'resumed':
    case 'boundary':
    case 'inspect':
    case 'predictions':
      return rec;
    default: {
      // A message type this page does not know (a newer worker) changes nothing.
      const never: never = msg;
      return never && rec;
    }
  }
}

/**
 * When the runs list and the database see a running record after `msg`: 'now', 'throttled' (metrics: at most every
 * flush interval, so the runs list does not re-render on every tick) or 'later' (with the next write). A finished
 * record is always written at once.
 */
export function refreshAfter(msg: FromWorker): 'now' | 'throttled' | 'later' {
  switch (msg.type) {
    case 'ready':
    case 'paused':
    case 'warmstart':
      return 'now';
    case 'metrics':
      return 'throttled';
    default:
      return 'later';
  }
}

/** `runs` with `rec` replacing the record of its id, or in front (newest first) when it is new. */
export function upsertRun(runs: readonly RunRecord[], rec: RunRecord): RunRecord[] {
  return runs.some((r) => r.id === rec.id) ? runs.map((r) => (r.id === rec.id ? rec : r)) : [rec, ...runs];
}
