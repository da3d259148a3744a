import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasetExperiment } from '../model';
import { decodeExperiment, encodeExperiment } from '../share';
import { newRunRecord, openRunsDb } from '../state';
import { datasetCases } from './testing';

// Every registered dataset's default experiment (the fixture's config where the default has no tasks, as for a CSV
// before an upload) must survive a share link and the runs database: a kind missing from the schema would drop its runs.
const cases = datasetCases().map((c) => [c.spec.kind, datasetExperiment(c.config)] as const);

describe('every dataset round-trips', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(cases)('%s through a share link', (_kind, cfg) => {
    const back = decodeExperiment(encodeExperiment(cfg));
    expect(back.ok && back.warnings).toEqual([]);
    expect(back.config).toEqual(cfg);
  });

  it.each(cases)('%s through runsDb (runs and the saved experiment)', async (kind, cfg) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openRunsDb(`roundtrip-${kind}`, new IDBFactory());
    try {
      const rec = { ...newRunRecord(cfg, 'mtl', `run on ${kind}`, { id: `r-${kind}`, createdAt: 1 }), status: 'done' as const };
      await db.putRun(rec);
      expect(await db.getRun(rec.id)).toEqual(rec);
      expect((await db.listRuns()).map((r) => r.id)).toEqual([rec.id]);
      await db.saveCurrentExperiment(cfg);
      expect(await db.loadCurrentExperiment()).toEqual(cfg);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      db.close();
    }
  });
});
