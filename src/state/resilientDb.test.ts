import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { defaultExperiment } from '../model';
import { newRunRecord } from './runs';
import { resilientDb } from './resilientDb';
import { openRunsDb, type RunRecord, type RunsDb } from './runsDb';

const rec = (name: string, at: number): RunRecord => ({ ...newRunRecord(defaultExperiment(), 'mtl', name, { createdAt: at }), status: 'done' });

function deleteDb(factory: IDBFactory, name: string) {
  return new Promise<void>((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

describe('resilient runs database', () => {
  it('a database deleted while the app is open is reopened, the tab’s runs written back, and the user told once', async () => {
    const factory = new IDBFactory();
    const held: RunRecord[] = [];
    const notify = vi.fn();
    const db = resilientDb(await openRunsDb('gone', factory), { reopen: () => openRunsDb('gone', factory), known: () => held, notify });
    const a = rec('A', 1);
    held.push(a);
    await db.putRun(a);
    await deleteDb(factory, 'gone');
    const b = rec('B', 2);
    held.push(b);
    await db.putRun(b); // the old connection is closed: reopen, replay A and B, retry B
    const c = rec('C', 3);
    held.push(c);
    await db.putRun(c);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0][0]).toBe('info');
    expect(notify.mock.calls[0][1]).toMatch(/reopened/);
    const check = await openRunsDb('gone', factory);
    expect((await check.listRuns()).map((r) => r.name)).toEqual(['C', 'B', 'A']);
    check.close();
  });

  it('a full disk is told once and the write rejects; nothing else changes', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const inner = { putRun: vi.fn().mockRejectedValue(quota), close: vi.fn() } as unknown as RunsDb;
    const notify = vi.fn();
    const reopen = vi.fn();
    const db = resilientDb(inner, { reopen, known: () => [], notify });
    await expect(db.putRun(rec('A', 1))).rejects.toBe(quota);
    await expect(db.putRun(rec('B', 2))).rejects.toBe(quota);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith('error', expect.stringMatching(/storage for this site is full/));
    expect(reopen).not.toHaveBeenCalled();
  });

  it('a database that cannot be reopened leaves the tab in memory: calls resolve, weights stay readable, told once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = Object.assign(new Error('The database connection is closing.'), { name: 'InvalidStateError' });
    const inner = { putRun: vi.fn().mockRejectedValue(broken), putWeights: vi.fn().mockRejectedValue(broken), listRuns: vi.fn().mockRejectedValue(broken), close: vi.fn() } as unknown as RunsDb;
    const notify = vi.fn();
    const db = resilientDb(inner, { reopen: () => Promise.reject(new Error('blocked')), known: () => [], notify });
    await expect(db.putRun(rec('A', 1))).resolves.toBeUndefined();
    const w = { runId: 'r1', step: 3, weights: [] };
    await expect(db.putWeights(w)).resolves.toBeUndefined();
    await expect(db.getWeights('r1')).resolves.toBe(w);
    await expect(db.listRuns()).resolves.toEqual([]);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith('error', expect.stringMatching(/can no longer be saved/));
  });
});
