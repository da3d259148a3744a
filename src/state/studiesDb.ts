/**
 * The studies' part of the runs database: one record per study (its setup and status) and its runs in a store of
 * their own, indexed by study. Whatever is read back is untrusted: studies go through parseStudy, runs through
 * checkRunRecord; malformed ones are skipped with a warning.
 */
import type { StudyConfig } from '../model';
import { parseStudy } from '../share/study';
import { checkRunRecord, type InTx, type RunRecord } from './runsDb';

const STUDIES = 'studies';
const STUDY_RUNS = 'studyRuns';
const BY_STUDY = 'studyId';

/** What becomes of a study: 'running' while its trainings go on; 'interrupted' when its tab closed meanwhile (set at start-up); 'stopped' by Cancel. */
export type StudyStatus = 'running' | 'done' | 'stopped' | 'interrupted';

/** A stored study. */
export interface StudyRecord {
  id: string;
  /** ms since the epoch */
  createdAt: number;
  status: StudyStatus;
  config: StudyConfig;
  /** wall time spent training it, ms (summed over its sessions) */
  elapsedMs: number;
}

export interface StudiesDb {
  putStudy(s: StudyRecord): Promise<void>;
  /** Every readable study, newest first. */
  listStudies(): Promise<StudyRecord[]>;
  /** Deletes the study and all its runs. */
  deleteStudy(id: string): Promise<void>;
  putStudyRun(r: RunRecord): Promise<void>;
  /** The study's readable runs. */
  listStudyRuns(studyId: string): Promise<RunRecord[]>;
  /** For app start: studies left 'running' (their tab closed) become 'interrupted'; returns their ids. */
  markInterrupted(): Promise<string[]>;
}

/** Create the stores (database version 4); an existing database keeps its runs. */
export function upgradeStudies(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(STUDIES)) db.createObjectStore(STUDIES, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(STUDY_RUNS)) db.createObjectStore(STUDY_RUNS, { keyPath: 'id' }).createIndex(BY_STUDY, 'study.id');
}

const promised = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** A stored value checked as a study record, or null (warned). */
export function checkStudyRecord(raw: unknown): StudyRecord | null {
  const r = raw as Partial<StudyRecord> | null;
  const bad = (why: string) => {
    console.warn(`studiesDb: cannot read study ${typeof r?.id === 'string' ? r.id.slice(0, 200) : '(without an id)'}: ${why}`);
    return null;
  };
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || typeof r.createdAt !== 'number') return bad('not a study record');
  if (!['running', 'done', 'stopped', 'interrupted'].includes(String(r.status))) return bad(`unknown status ${String(r.status)}`);
  const parsed = parseStudy(r.config);
  if (!parsed.ok) return bad(parsed.error);
  return { id: r.id, createdAt: r.createdAt, status: r.status!, config: parsed.study, elapsedMs: Number.isFinite(r.elapsedMs) ? r.elapsedMs! : 0 };
}

/** The studies stores over the runs database's transactions. */
export function studiesDb(inTx: InTx): StudiesDb {
  return {
    putStudy: (s) => inTx(STUDIES, 'readwrite', (st) => void st.put(s)),
    listStudies: async () => {
      const raws = await inTx(STUDIES, 'readonly', (st) => promised(st.getAll()));
      return raws
        .map(checkStudyRecord)
        .filter((s): s is StudyRecord => s !== null)
        .sort((a, b) => b.createdAt - a.createdAt);
    },
    deleteStudy: (id) =>
      inTx([STUDIES, STUDY_RUNS], 'readwrite', async (st) => {
        st.delete(id);
        const runs = st.transaction.objectStore(STUDY_RUNS);
        const keys = await promised(runs.index(BY_STUDY).getAllKeys(id));
        for (const k of keys) runs.delete(k);
      }),
    putStudyRun: (r) => inTx(STUDY_RUNS, 'readwrite', (st) => void st.put(r)),
    listStudyRuns: async (studyId) => {
      const raws = await inTx(STUDY_RUNS, 'readonly', (st) => promised(st.index(BY_STUDY).getAll(studyId)));
      const out: RunRecord[] = [];
      for (const raw of raws) {
        const c = checkRunRecord(raw);
        if (c.ok && c.record.study?.id === studyId) out.push(c.record);
        else if (!c.ok) console.warn(`studiesDb: cannot read a run of study ${studyId.slice(0, 200)}: ${c.reason}`);
      }
      return out;
    },
    markInterrupted: () =>
      inTx(STUDIES, 'readwrite', async (st) => {
        const all = (await promised(st.getAll())) as Partial<StudyRecord>[];
        const ids: string[] = [];
        for (const s of all) {
          if (s && typeof s === 'object' && s.status === 'running' && typeof s.id === 'string') {
            st.put({ ...s, status: 'interrupted' });
            ids.push(s.id);
          }
        }
        return ids;
      }),
  };
}
