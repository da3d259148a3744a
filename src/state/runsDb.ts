/**
 * Persistence of finished and running runs and of the current experiment, in IndexedDB (raw API, promise-wrapped).
 * Whatever comes back out of the database is untrusted (another tab, an older version, a user with devtools):
 * records are validated on the way out and malformed ones are dropped with a console warning.
 */
import { z } from 'zod';
import type { BackendName, ExperimentConfig, WarmStartEntry } from '../model';
import type { MetricPoint, NodeWeights, Robustness } from '../protocol';
import { parseExperiment } from '../share';
import { studiesDb, upgradeStudies, type StudiesDb } from './studiesDb';

export type RunRecordStatus = 'running' | 'done' | 'failed' | 'stopped' | 'interrupted';

/** One training run as kept in the runs list and in IndexedDB. */
export interface RunRecord {
  id: string;
  name: string;
  /** ms since the epoch */
  createdAt: number;
  status: RunRecordStatus;
  /** the experiment exactly as it was trained (a snapshot, not the live editor config) */
  config: ExperimentConfig;
  /** backend the worker actually used; null before the worker reported 'ready' */
  backend: BackendName | null;
  stepsPerSec: number;
  /** wall time of the run in ms, when known */
  elapsedMs?: number;
  /** evaluation points, in step order */
  points: MetricPoint[];
  error?: string;
  kind: 'mtl' | 'baseline';
  /** for a single-task baseline: the task it stands for and, when started from one, the multi-task run it compares to */
  baselineOf?: { runId?: string; taskId: string };
  /** validation scores under FGSM at the end of the run, when measured */
  robustness?: Robustness;
  /** true once the run's final weights were received (they live in their own store: see RunWeights) */
  hasWeights?: boolean;
  /** a warm-started run: the source's name, a note when it could not be used, and what the engine did per node */
  warmStart?: WarmStartRecord;
  /** a member of a seeded study ("Train × N seeds"): the runs sharing this id differ only in their seed */
  seedGroup?: SeedGroupRef;
  /** a training of a study (a sweep): the study's id and the run's key in its plan (kept in the studyRuns store, not the runs list) */
  study?: { id: string; key: string };
}

/** A run's place in its seed group; every member carries the group's id, name and size. */
export interface SeedGroupRef {
  id: string;
  /** the group's name, shown on its row */
  name: string;
  /** 0-based position of this run's seed in the study */
  index: number;
  /** how many seeds the study asked for */
  size: number;
  /** each seed drew its own data (absent: all share the data of the study's first seed) */
  varyData?: boolean;
}

/** What became of a run's warm start (config.warmStart). */
export interface WarmStartRecord {
  source: string;
  /** set when the run trained from scratch instead (the source is not in this browser) */
  note?: string;
  /** per node, from the worker's 'warmstart' message; empty until it arrives */
  report: WarmStartEntry[];
}

/** A finished run's trained weights and the browser's validation readouts (for exports and warm starts). */
export interface RunWeights {
  runId: string;
  step: number;
  weights: NodeWeights[];
  /** each task's validation readout (as in the 'predictions' message), when it arrived */
  valPred?: Float32Array[];
}

/** Most evaluation points kept per run record (in the list and the database); longer series are thinned (see boundedAppend, capPoints). 300 stored runs then stay a few tens of MB. */
export const MAX_STORED_POINTS = 500;

const RUNS = 'runs';
const META = 'meta';
const WEIGHTS = 'weights';
/** a run's full evaluation series, in chunks keyed [runId, index] (the record keeps only MAX_STORED_POINTS) */
const SERIES = 'series';
const CURRENT_KEY = 'currentExperiment';
const STATUS_INDEX = 'status';

// Numbers in points may legitimately be NaN or ±Infinity (a diverging loss), which z.number() rejects.
const num = z.custom<number>((v) => typeof v === 'number', 'expected a number');
const isNum = (v: unknown): v is number => typeof v === 'number';
const numbers = (v: unknown, n?: number) => Array.isArray(v) && (n === undefined || v.length === n) && v.every(isNum);

/**
 * Whether a stored value is a metric point of T tasks. Hand-written, not zod: start-up checks hundreds of runs of
 * hundreds of points, and a schema per point cost seconds of main-thread time.
 */
function isPoint(p: unknown, T: number): p is MetricPoint {
  if (!p || typeof p !== 'object') return false;
  const q = p as Record<string, unknown>;
  if (!isNum(q.step) || !isNum(q.totalLoss) || !numbers(q.weights)) return false;
  if (!Array.isArray(q.tasks) || q.tasks.length !== T) return false;
  for (const t of q.tasks as unknown[]) {
    const m = t as Record<string, unknown> | null;
    if (!m || typeof m !== 'object' || !isNum(m.trainLoss) || !isNum(m.valLoss) || !isNum(m.metric)) return false;
  }
  const c = q.conflict as Record<string, unknown> | null | undefined;
  if (c === null) return true;
  if (!c || typeof c !== 'object' || !isNum(c.measured) || !isNum(c.conflicting) || !numbers(c.norms)) return false;
  return Array.isArray(c.cosine) && (c.cosine as unknown[]).every((row) => numbers(row));
}
const recordSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  createdAt: z.number().finite(),
  status: z.enum(['running', 'done', 'failed', 'stopped', 'interrupted']),
  config: z.unknown(),
  backend: z.enum(['js', 'webgpu', 'webgl', 'wasm', 'cpu']).nullable(),
  stepsPerSec: num,
  elapsedMs: num.optional(),
  points: z.array(z.unknown()).max(1_000_000),
  error: z.string().optional(),
  kind: z.enum(['mtl', 'baseline']),
  baselineOf: z.object({ runId: z.string().optional(), taskId: z.string() }).optional(),
  robustness: z.object({ eps: z.array(num).max(64), scores: z.array(z.array(num)) }).optional(),
  hasWeights: z.boolean().optional(),
  warmStart: z
    .object({
      source: z.string().max(500),
      note: z.string().max(1000).optional(),
      report: z.array(z.object({ nodeId: z.string().max(200), from: z.string().max(200).optional(), status: z.enum(['copied', 'missing', 'mismatch']), detail: z.string().max(1000) })).max(2000),
    })
    .optional(),
  seedGroup: z.object({ id: z.string().min(1).max(200), name: z.string().max(500), index: z.number().int().min(0).max(10_000), size: z.number().int().min(1).max(10_000), varyData: z.boolean().optional() }).optional(),
  study: z.object({ id: z.string().min(1).max(200), key: z.string().min(1).max(200) }).optional(),
});

/** At most `max` items of `xs`, evenly spaced by index, first and last kept (same rule as the charts' downsample). */
export function capPoints<T>(xs: readonly T[], max = MAX_STORED_POINTS): T[] {
  if (xs.length <= max) return xs.slice();
  if (max < 2) return xs.slice(-1);
  const stride = (xs.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => xs[Math.round(k * stride)]);
}

/** A stored record that could not be read back: kept in the database and shown in the runs list, never silently dropped. */
export interface UnreadableRun {
  /** its key in the database (to delete it) */
  key: string;
  /** its name when it has a readable one, else '' */
  name: string;
  /** why it cannot be read, in words */
  reason: string;
}

type Checked = { ok: true; record: RunRecord } | { ok: false; reason: string };

/** A raw database value checked as a run record: the validated copy, or why it is not one. */
export function checkRunRecord(raw: unknown): Checked {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `malformed at "${issue.path.join('.')}": ${issue.message}` };
  }
  const cfg = parseExperiment(parsed.data.config);
  if (!cfg.ok) return { ok: false, reason: cfg.error };
  const T = cfg.config.tasks.length;
  const bad = parsed.data.points.findIndex((p) => !isPoint(p, T));
  if (bad >= 0) return { ok: false, reason: `its point ${bad} is not a metric point of ${T} tasks` };
  const rec = { ...parsed.data, config: cfg.config, points: capPoints(parsed.data.points as MetricPoint[]) } as RunRecord;
  // Robustness that does not fit the tasks is dropped, not the run.
  if (rec.robustness && rec.robustness.scores.some((row, e) => row.length !== T || e >= rec.robustness!.eps.length)) delete rec.robustness;
  for (const k of ['elapsedMs', 'error', 'baselineOf', 'robustness', 'hasWeights', 'seedGroup', 'study'] as const) if (rec[k] === undefined) delete rec[k];
  return { ok: true, record: rec };
}

/** A validated copy of a raw database value, or null (with a console warning) when it is not a usable run record. */
export function validateRunRecord(raw: unknown): RunRecord | null {
  const c = checkRunRecord(raw);
  if (c.ok) return c.record;
  const id = (raw as { id?: unknown } | null)?.id;
  console.warn(`runsDb: cannot read run ${typeof id === 'string' ? id.slice(0, 200) : '(without an id)'}: ${c.reason}`);
  return null;
}

/** Records read and checked per page at start-up; the page gets the main thread back between pages. */
const LIST_PAGE = 25;
const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

/** Runs `body` in one transaction over `store`; resolves once it has committed. */
export type InTx = <T>(store: string | string[], mode: IDBTransactionMode, body: (s: IDBObjectStore) => Promise<T> | T) => Promise<T>;

/** Every stored run, read in pages of LIST_PAGE through `inTx` (see RunsDb.listAll). */
async function listAllRuns(inTx: InTx, onPage?: (runs: RunRecord[], unreadable: UnreadableRun[]) => void): Promise<{ runs: RunRecord[]; unreadable: UnreadableRun[] }> {
  const runs: RunRecord[] = [];
  const unreadable: UnreadableRun[] = [];
  let after: IDBValidKey | null = null;
  for (;;) {
    const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const [keys, raws]: [IDBValidKey[], unknown[]] = await inTx(RUNS, 'readonly', (s) => Promise.all([promised(s.getAllKeys(range, LIST_PAGE)), promised(s.getAll(range, LIST_PAGE))]));
    const pageRuns: RunRecord[] = [];
    const pageBad: UnreadableRun[] = [];
    raws.forEach((raw: unknown, i: number) => {
      const c = checkRunRecord(raw);
      if (c.ok) pageRuns.push(c.record);
      else {
        const name = (raw as { name?: unknown } | null)?.name;
        console.warn(`runsDb: cannot read run ${String(keys[i]).slice(0, 200)}: ${c.reason}`);
        pageBad.push({ key: String(keys[i]).slice(0, 200), name: typeof name === 'string' ? name.slice(0, 200) : '', reason: c.reason });
      }
    });
    runs.push(...pageRuns);
    unreadable.push(...pageBad);
    onPage?.(pageRuns, pageBad);
    if (keys.length < LIST_PAGE) break;
    after = keys[keys.length - 1];
    await yieldToPage();
  }
  runs.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { runs, unreadable };
}


/** The runs database. Every method opens its own transaction; all reject on IndexedDB errors (e.g. quota). */
export interface RunsDb {
  /** Insert or replace a run; its points are thinned to ≤ MAX_STORED_POINTS (first and last kept) before storing. */
  putRun(record: RunRecord): Promise<void>;
  /** The run with this id, validated; null when absent or malformed. */
  getRun(id: string): Promise<RunRecord | null>;
  /** All valid runs, newest first (by createdAt, then id); malformed records are skipped with a warning. */
  listRuns(): Promise<RunRecord[]>;
  /** Every stored run, read in pages (the main thread is yielded between them): the valid ones newest first, and the unreadable ones with their reason. */
  listAll(onPage?: (runs: RunRecord[], unreadable: UnreadableRun[]) => void): Promise<{ runs: RunRecord[]; unreadable: UnreadableRun[] }>;
  /** Deletes the run and its weights. */
  deleteRun(id: string): Promise<void>;
  putWeights(w: RunWeights): Promise<void>;
  /** The run's weights, or null when none are stored or the record is malformed (warned). */
  getWeights(runId: string): Promise<RunWeights | null>;
  /** Rename a run (name trimmed, ≤ 200 characters); false when no such run. Throws on an empty name. */
  renameRun(id: string, name: string): Promise<boolean>;
  saveCurrentExperiment(config: ExperimentConfig): Promise<void>;
  /** The saved experiment, validated and migrated; null when none is saved or it is invalid (warned). */
  loadCurrentExperiment(): Promise<ExperimentConfig | null>;
  /** For app start: every record still 'running' (its tab was closed or crashed) becomes 'interrupted', except those `isLive` says another tab is training; returns their ids. */
  markInterrupted(isLive?: (id: string) => boolean): Promise<string[]>;
  /** Store chunk `index` (0, 1, …) of a run's full evaluation series (points in step order); replaces a chunk of the same index. */
  putSeriesChunk(runId: string, index: number, points: MetricPoint[]): Promise<void>;
  /** The run's full series, its chunks concatenated in index order, each point checked against `tasks` tasks (others skipped); [] when it has none. */
  readSeries(runId: string, tasks: number): Promise<MetricPoint[]>;
  /** studies (sweeps) and their runs, in their own stores */
  studies: StudiesDb;
  close(): void;
}

const promised = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/**
 * Open (creating or upgrading) the runs database. `factory` is injectable for tests (fake-indexeddb);
 * rejects when IndexedDB is unavailable or the open is blocked/fails.
 */
export async function openRunsDb(name = 'mtl-playground', factory: IDBFactory | undefined = globalThis.indexedDB): Promise<RunsDb> {
  if (!factory) throw new Error('IndexedDB is not available in this browser; runs will not be saved.');
  // Version 2 added the weights store; version 3 an index on status (start-up finds runs left 'running' without reading every run);
  // version 4 (two branches) the studies with their runs, or the series store; version 5 makes sure both exist.
  const open = factory.open(name, 5);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(SERIES)) db.createObjectStore(SERIES, { keyPath: ['runId', 'index'] });
    if (!db.objectStoreNames.contains(WEIGHTS)) db.createObjectStore(WEIGHTS, { keyPath: 'runId' });
    const runs = db.objectStoreNames.contains(RUNS) ? open.transaction!.objectStore(RUNS) : db.createObjectStore(RUNS, { keyPath: 'id' });
    if (!runs.indexNames.contains(STATUS_INDEX)) runs.createIndex(STATUS_INDEX, 'status');
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    upgradeStudies(db);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('could not open the runs database'));
    open.onblocked = () => reject(new Error('the runs database is blocked by another tab; close other tabs of this app'));
  });
  // Let a newer version in another tab upgrade instead of blocking it.
  db.onversionchange = () => db.close();

  /** Run `body` in one transaction; resolves with what it returns once the transaction has committed. */
  const inTx: InTx = <T>(store: string | string[], mode: IDBTransactionMode, body: (s: IDBObjectStore) => Promise<T> | T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      let value: T;
      tx.oncomplete = () => resolve(value);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
      Promise.resolve(body(tx.objectStore(Array.isArray(store) ? store[0] : store))).then(
        (v) => (value = v),
        (e) => {
          try {
            tx.abort();
          } catch {
            // already finished
          }
          reject(e);
        },
      );
    });

  return {
    putRun: (record) => inTx(RUNS, 'readwrite', (s) => void s.put({ ...record, points: capPoints(record.points) })),
    getRun: async (id) => {
      const raw = await inTx(RUNS, 'readonly', (s) => promised(s.get(id)));
      return raw === undefined ? null : validateRunRecord(raw);
    },
    listRuns: async () => (await listAllRuns(inTx)).runs,
    listAll: (onPage) => listAllRuns(inTx, onPage),
    deleteRun: (id) =>
      inTx([RUNS, WEIGHTS, SERIES], 'readwrite', (s) => {
        s.delete(id);
        s.transaction.objectStore(WEIGHTS).delete(id);
        s.transaction.objectStore(SERIES).delete(seriesRange(id));
      }),
    putSeriesChunk: (runId, index, points) => inTx(SERIES, 'readwrite', (s) => void s.put({ runId, index, points })),
    readSeries: async (runId, tasks) => {
      const chunks = (await inTx(SERIES, 'readonly', (s) => promised(s.getAll(seriesRange(runId))))) as unknown[];
      return seriesFromChunks(chunks, tasks);
    },
    putWeights: (w) => inTx(WEIGHTS, 'readwrite', (s) => void s.put(w)),
    getWeights: async (runId) => {
      const raw = await inTx(WEIGHTS, 'readonly', (s) => promised(s.get(runId)));
      if (raw === undefined) return null;
      const ok = validateRunWeights(raw);
      if (!ok) console.warn(`runsDb: ignoring malformed weights of run ${runId}`);
      return ok;
    },
    renameRun: (id, newName) => {
      const clean = newName.trim().slice(0, 200);
      if (!clean) return Promise.reject(new Error('A run name cannot be empty.'));
      return inTx(RUNS, 'readwrite', async (s) => {
        const raw = (await promised(s.get(id))) as Record<string, unknown> | undefined;
        if (!raw || typeof raw !== 'object') return false;
        s.put({ ...raw, name: clean });
        return true;
      });
    },
    saveCurrentExperiment: (config) => inTx(META, 'readwrite', (s) => void s.put(config, CURRENT_KEY)),
    loadCurrentExperiment: async () => {
      const raw = await inTx(META, 'readonly', (s) => promised(s.get(CURRENT_KEY)));
      if (raw === undefined) return null;
      const res = parseExperiment(raw);
      if (!res.ok) {
        console.warn(`runsDb: ignoring the saved experiment: ${res.error}`);
        return null;
      }
      return res.config;
    },
    markInterrupted: (isLive = () => false) =>
      inTx(RUNS, 'readwrite', (s) => {
        const ids: string[] = [];
        return new Promise<string[]>((resolve, reject) => {
          const req = s.index(STATUS_INDEX).openCursor('running');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const cur = req.result;
            if (!cur) return resolve(ids);
            const v = cur.value as { id?: unknown; status?: unknown } | null;
            if (v && typeof v === 'object' && v.status === 'running' && typeof v.id === 'string' && !isLive(v.id)) {
              cur.update({ ...v, status: 'interrupted' });
              ids.push(v.id);
            }
            cur.continue();
          };
        });
      }),
    studies: studiesDb(inTx),
    close: () => db.close(),
  };
}

/** Every chunk key of one run's series. */
const seriesRange = (runId: string) => IDBKeyRange.bound([runId, 0], [runId, Number.MAX_SAFE_INTEGER]);

/** Stored series chunks (untrusted) as one series: chunks in index order, only valid points of T tasks, steps increasing. */
export function seriesFromChunks(chunks: readonly unknown[], T: number): MetricPoint[] {
  const ok = chunks.filter((c): c is { index: number; points: unknown[] } => !!c && typeof c === 'object' && isNum((c as { index?: unknown }).index) && Array.isArray((c as { points?: unknown }).points));
  ok.sort((a, b) => a.index - b.index);
  const out: MetricPoint[] = [];
  for (const c of ok) for (const p of c.points) if (isPoint(p, T) && (out.length === 0 || p.step > out[out.length - 1].step)) out.push(p);
  return out;
}

/** The value when it is a well-formed RunWeights (every tensor's values match its shape), else null. */
export function validateRunWeights(raw: unknown): RunWeights | null {
  const w = raw as RunWeights | null;
  if (!w || typeof w !== 'object' || typeof w.runId !== 'string' || typeof w.step !== 'number' || !Array.isArray(w.weights)) return null;
  for (const n of w.weights) {
    if (!n || typeof n.id !== 'string' || typeof n.kind !== 'string' || !Array.isArray(n.tensors)) return null;
    for (const t of n.tensors) {
      if (!t || !Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0) || !(t.values instanceof Float32Array)) return null;
      if (t.shape.reduce((a: number, d: number) => a * d, 1) !== t.values.length) return null;
    }
  }
  if (w.valPred !== undefined && (!Array.isArray(w.valPred) || w.valPred.some((p) => !(p instanceof Float32Array)))) return null;
  return w;
}
