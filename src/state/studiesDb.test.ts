import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { defaultExperiment, showcaseStudy } from '../model';
import { newRunRecord } from './runs';
import { openRunsDb } from './runsDb';
import type { StudyRecord } from './studiesDb';

/** A version-3 database (before studies) holding one run, as an older app left it. */
function oldDb(factory: IDBFactory, version = 3, extra?: (db: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open('mig', version);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('weights', { keyPath: 'runId' });
      db.createObjectStore('runs', { keyPath: 'id' }).createIndex('status', 'status');
      db.createObjectStore('meta');
      extra?.(db);
    };
    open.onsuccess = () => {
      const tx = open.result.transaction('runs', 'readwrite');
      tx.objectStore('runs').put(newRunRecord(defaultExperiment(), 'mtl', 'old run', { id: 'old', createdAt: 1 }));
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const study = (id: string, status: StudyRecord['status'], createdAt = 1): StudyRecord => ({ id, createdAt, status, config: showcaseStudy(), elapsedMs: 5 });

describe('studies in the runs database', () => {
  it('upgrades a version-3 database: its runs are kept and the studies stores appear', async () => {
    const factory = new IDBFactory();
    await oldDb(factory);
    const db = await openRunsDb('mig', factory);
    expect((await db.listRuns()).map((r) => r.name)).toEqual(['old run']);
    await db.studies.putStudy(study('s1', 'done'));
    expect((await db.studies.listStudies()).map((s) => s.id)).toEqual(['s1']);
    db.close();
  });

  it('upgrades a version-4 database that has only the series store (a build without studies): studies and series both work', async () => {
    const factory = new IDBFactory();
    await oldDb(factory, 4, (db) => db.createObjectStore('series', { keyPath: ['runId', 'index'] }));
    const db = await openRunsDb('mig', factory);
    expect((await db.listRuns()).map((r) => r.name)).toEqual(['old run']);
    await db.studies.putStudy(study('s1', 'done'));
    expect((await db.studies.listStudies()).map((s) => s.id)).toEqual(['s1']);
    db.close();
  });

  it('upgrades a version-4 database that has only the studies stores (a build without series chunks): the series store appears', async () => {
    const factory = new IDBFactory();
    await oldDb(factory, 4, (db) => {
      db.createObjectStore('studies', { keyPath: 'id' });
      db.createObjectStore('studyRuns', { keyPath: 'id' }).createIndex('studyId', 'study.id');
    });
    const db = await openRunsDb('mig', factory);
    const point = { step: 7, tasks: [{ trainLoss: 1, valLoss: 2, metric: 0.5 }], weights: [1], totalLoss: 1, conflict: null };
    await db.putSeriesChunk('old', 0, [point]);
    expect((await db.readSeries('old', 1)).map((p) => p.step)).toEqual([7]);
    db.close();
  });

  it('keeps each study’s runs apart, deletes a study with its runs, and marks running studies interrupted at start-up', async () => {
    const db = await openRunsDb('st', new IDBFactory());
    await db.studies.putStudy(study('a', 'running', 1));
    await db.studies.putStudy(study('b', 'done', 2));
    const rec = (id: string, studyId: string) => ({ ...newRunRecord(defaultExperiment(), 'mtl', id, { id }), status: 'done' as const, study: { id: studyId, key: id } });
    await db.studies.putStudyRun(rec('a/1', 'a'));
    await db.studies.putStudyRun(rec('a/2', 'a'));
    await db.studies.putStudyRun(rec('b/1', 'b'));
    expect((await db.studies.listStudyRuns('a')).map((r) => r.id).sort()).toEqual(['a/1', 'a/2']);
    // study runs stay out of the runs list
    expect(await db.listRuns()).toEqual([]);
    expect(await db.studies.markInterrupted()).toEqual(['a']);
    expect((await db.studies.listStudies()).map((s) => [s.id, s.status])).toEqual([['b', 'done'], ['a', 'interrupted']]);
    await db.studies.deleteStudy('a');
    expect(await db.studies.listStudyRuns('a')).toEqual([]);
    expect((await db.studies.listStudyRuns('b')).map((r) => r.id)).toEqual(['b/1']);
    db.close();
  });

  it('skips a malformed stored study with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openRunsDb('bad', new IDBFactory());
    await db.studies.putStudy({ ...study('x', 'done'), config: { ...showcaseStudy(), arms: [{ template: 'nope' }] } });
    await db.studies.putStudy(study('y', 'done'));
    expect((await db.studies.listStudies()).map((s) => s.id)).toEqual(['y']);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/unknown graph template "nope"/);
    warn.mockRestore();
    db.close();
  });
});
