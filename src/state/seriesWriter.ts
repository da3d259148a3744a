/**
 * The live run's full evaluation series, written to the database in chunks of SERIES_CHUNK points as metrics arrive
 * (one write per chunk, not per message), the rest when the run ends. The run record keeps only a bounded series
 * (MAX_STORED_POINTS); the metrics CSV reads these chunks back (fullSeries) to give every evaluation.
 */
import type { MetricPoint } from '../protocol';
import type { RunSaver } from './runSaver';

/** Points per stored chunk: a chunk of 3 tasks is ≈ 60 kB, written every SERIES_CHUNK evaluations. */
export const SERIES_CHUNK = 256;

export interface SeriesWriter {
  /** Start the series of run `runId` (ending the previous one). */
  begin(runId: string): void;
  /** Points of the current run, in step order. */
  add(runId: string, points: readonly MetricPoint[]): void;
  /** Write what is buffered and stop (a no-op without a current run). */
  end(): void;
}

/** A writer that hands full chunks to `put` (chunk index 0, 1, …). */
export function createSeriesWriter(put: (runId: string, index: number, points: MetricPoint[]) => void, chunk = SERIES_CHUNK): SeriesWriter {
  let runId: string | null = null;
  let index = 0;
  let buffer: MetricPoint[] = [];
  const write = () => {
    if (runId === null || buffer.length === 0) return;
    put(runId, index++, buffer);
    buffer = [];
  };
  return {
    begin(id) {
      write();
      runId = id;
      index = 0;
      buffer = [];
    },
    add(id, points) {
      if (id !== runId) return;
      for (const p of points) {
        buffer.push(p);
        if (buffer.length >= chunk) write();
      }
    },
    end() {
      write();
      runId = null;
    },
  };
}

/**
 * Every evaluation of a run: its stored chunks followed by the points of `known` (the record's or live view's bounded
 * series) past the last stored step — those not written yet. A run without chunks (older versions) gives `known`.
 */
export async function fullSeries(saver: Pick<RunSaver, 'readSeries'>, runId: string, tasks: number, known: readonly MetricPoint[]): Promise<MetricPoint[]> {
  const stored = await saver.readSeries(runId, tasks);
  if (stored.length === 0) return known.slice();
  const last = stored[stored.length - 1].step;
  return stored.concat(known.filter((p) => p.step > last));
}
