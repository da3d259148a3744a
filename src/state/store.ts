/**
 * The app store (zustand): experiment, training, runs and ui slices. Training data is appended, never copied into
 * the editor. Every run is also a RunRecord in `runs`, refreshed (and persisted when a database is attached) at its
 * start, at most every `flushMs` while it runs, and when it ends — so the runs list does not re-render on every tick.
 */
import { create } from 'zustand';
import { createTrainingBridge, defaultWorkerFactory, type TrainingBridge, type WorkerFactory } from '../bridge';
import {
  analyzeGraph,
  datasetInputDim,
  defaultExperiment,
  makeNode,
  type ExperimentConfig,
  type NodeWeights,
  WARM_FILE_PREFIX,
} from '../model';
import type { FromWorker } from '../protocol';
import { comparableKey } from './compare';
import { buildPyTorchExport } from './exportProject';
import { appendPoints, baselineConfigs, defaultRunName, finishRun, newRunRecord } from './runs';
import type { RunRecord, RunRecordStatus, RunsDb, RunWeights, WarmStartRecord } from './runsDb';
import { holdRunLock, releaseRunLock } from './runLocks';
import type { AppState, RunStatus } from './storeTypes';

export type * from './storeTypes';

const analyze = (cfg: ExperimentConfig) => analyzeGraph(cfg.graph, { inputDim: datasetInputDim(cfg.dataset), tasks: cfg.tasks });

function uniqueId(prefix: string, taken: Set<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

const idleTraining = {
  status: 'idle' as RunStatus,
  runId: null,
  backend: null,
  backendNotes: [],
  runTasks: [],
  totalSteps: 0,
  points: [],
  step: 0,
  stepsPerSec: 0,
  elapsedMs: 0,
  error: null,
  boundary: null,
  predictions: null,
  inspection: null,
  warmStart: null,
};

export interface StoreOptions {
  /** persistence; null/absent = runs live in memory only (attachDb can add it later) */
  db?: RunsDb | null;
  /** clock in ms (tests) */
  now?: () => number;
  /** least time between two refreshes of a running run's record, ms */
  flushMs?: number;
}

interface QueuedBaseline {
  config: ExperimentConfig;
  baselineOf: NonNullable<RunRecord['baselineOf']>;
}

/** Build a store; tests pass a fake worker factory (and a fake-indexeddb database), the app uses the real worker. */
export function createAppStore(initial: ExperimentConfig = defaultExperiment(), factory: WorkerFactory = defaultWorkerFactory, opts: StoreOptions = {}) {
  const now = opts.now ?? Date.now;
  const flushMs = opts.flushMs ?? 2000;
  return create<AppState>()((set, get) => {
    let db: RunsDb | null = opts.db ?? null;
    let live: RunRecord | null = null;
    let lastFlush = 0;
    let queue: QueuedBaseline[] = [];
    let warned = false;
    /** identity of the latest train() call, so a warm start's late weights fetch does not start a stale run */
    let startToken: object = {};
    /** weights received in this session, by run id (the database keeps them across sessions) */
    const weightsById = new Map<string, RunWeights>();
    const persist = (rec: RunRecord) => {
      db?.putRun(rec).catch((e: unknown) => {
        if (!warned) console.warn('runs: could not save a run:', e);
        warned = true;
      });
    };
    const upsert = (rec: RunRecord) =>
      set((s) => ({ runs: s.runs.some((r) => r.id === rec.id) ? s.runs.map((r) => (r.id === rec.id ? rec : r)) : [rec, ...s.runs] }));
    const flush = () => {
      if (!live) return;
      lastFlush = now();
      upsert(live);
      persist(live);
    };
    const endLive = (status: Exclude<RunRecordStatus, 'running'>, extra: Parameters<typeof finishRun>[2] = {}) => {
      if (!live) return;
      const rec = finishRun(live, status, extra);
      releaseRunLock(live.id);
      live = null;
      set({ liveRunId: null });
      upsert(rec);
      persist(rec);
    };
    const startRun = (snapshot: ExperimentConfig, kind: RunRecord['kind'], name: string, baselineOf?: RunRecord['baselineOf'], warm?: { record: WarmStartRecord; init?: NodeWeights[] }) => {
      endLive('stopped');
      set({ ...idleTraining, status: 'starting', runTasks: snapshot.tasks, totalSteps: snapshot.optimizer.steps, warmStart: warm?.record ?? null });
      const runId = getBridge().start(snapshot, warm?.init);
      live = newRunRecord(snapshot, kind, name, { id: runId, createdAt: now(), baselineOf });
      if (warm) live.warmStart = warm.record;
      holdRunLock(runId);
      set({ runId, liveRunId: runId });
      flush();
    };
    const nextBaseline = () => {
      const next = queue.shift();
      if (!next) {
        set({ baselines: null });
        return;
      }
      const task = next.config.tasks[0];
      // No weighting spec is called 'Baseline', so defaultRunName uses the word itself as the label.
      const name = defaultRunName({ ...next.config, name: task.name || task.id, weighting: { ...next.config.weighting, kind: 'Baseline' } }, get().runs.map((r) => r.name));
      startRun(next.config, 'baseline', name, next.baselineOf);
    };
    const cancelQueue = () => {
      queue = [];
      set({ baselines: null });
    };

    const onMessage = (msg: FromWorker) => {
      switch (msg.type) {
        case 'ready':
          set({ status: 'running', backend: msg.backend, backendNotes: msg.notes });
          if (live) live = { ...live, backend: msg.backend };
          flush();
          break;
        case 'metrics':
          set((s) => ({ points: s.points.concat(msg.points), step: msg.step, stepsPerSec: msg.stepsPerSec }));
          if (live) live = { ...appendPoints(live, msg.points), stepsPerSec: msg.stepsPerSec };
          if (now() - lastFlush >= flushMs) flush();
          break;
        case 'paused':
          set({ status: 'paused', step: msg.step });
          flush();
          break;
        case 'resumed':
          set({ status: 'running', step: msg.step });
          break;
        case 'done': {
          set({ status: 'done', step: msg.step, stepsPerSec: msg.stepsPerSec, elapsedMs: msg.elapsedMs });
          endLive('done', { stepsPerSec: msg.stepsPerSec, elapsedMs: msg.elapsedMs });
          const b = get().baselines;
          if (b) {
            set({ baselines: { ...b, done: b.done + 1 } });
            nextBaseline();
          }
          break;
        }
        case 'boundary':
          set({ boundary: { step: msg.step, grid: msg.grid, values: msg.values } });
          break;
        case 'inspect':
          set({ inspection: { step: msg.step, nodes: Object.fromEntries(msg.nodes.map((n) => [n.nodeId, n])) } });
          break;
        case 'predictions':
          set({ predictions: { step: msg.step, pred: msg.pred, truth: msg.truth } });
          break;
        case 'robustness':
          // Arrives before 'done': the finished record keeps it.
          if (live) live = { ...live, robustness: msg.robustness };
          break;
        case 'weights': {
          // Arrives after 'predictions' and before 'done'.
          const w: RunWeights = { runId: msg.runId, step: msg.step, weights: msg.weights, valPred: get().predictions?.pred };
          weightsById.set(msg.runId, w);
          db?.putWeights(w).catch((e: unknown) => console.warn('runs: could not save weights:', e));
          if (live) live = { ...live, hasWeights: true };
          break;
        }
        case 'warmstart': {
          const ws: WarmStartRecord = { ...(get().warmStart ?? { source: '' }), report: msg.report };
          set({ warmStart: ws });
          if (live) live = { ...live, warmStart: ws };
          flush();
          break;
        }
        case 'error':
          set({ status: 'failed', error: msg.message });
          endLive('failed', { error: msg.message });
          cancelQueue();
          break;
        default: {
          const never: never = msg;
          console.warn('unknown worker message', never);
        }
      }
    };
    let bridge: TrainingBridge | null = null;
    const getBridge = () => (bridge ??= createTrainingBridge(onMessage, factory));

    const commit = (cfg: ExperimentConfig) => set({ config: cfg, analysis: analyze(cfg) });
    const update = (fn: (d: ExperimentConfig) => void) => {
      const draft = structuredClone(get().config);
      fn(draft);
      commit(draft);
    };

    return {
      config: initial,
      analysis: analyze(initial),
      setConfig: (cfg) => {
        commit(cfg);
        set({ selectedNodeId: null });
      },
      update,
      addNode: (kind, position) => {
        const taken = new Set(get().config.graph.nodes.map((n) => n.id));
        const id = uniqueId(kind, taken);
        update((d) => {
          const node = makeNode(id, kind, position.x, position.y);
          // A new head picks the first task that has no head yet.
          if (kind === 'head') {
            const used = new Set(d.graph.nodes.filter((n) => n.kind === 'head').map((n) => n.params.taskId));
            node.params.taskId = d.tasks.find((t) => !used.has(t.id))?.id ?? d.tasks[0].id;
          }
          d.graph.nodes.push(node);
        });
        set({ selectedNodeId: id });
        return id;
      },
      removeNodes: (ids) => {
        const gone = new Set(ids);
        update((d) => {
          d.graph.nodes = d.graph.nodes.filter((n) => !gone.has(n.id));
          d.graph.edges = d.graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
        });
        if (get().selectedNodeId && gone.has(get().selectedNodeId!)) set({ selectedNodeId: null });
      },
      moveNode: (id, position) => {
        // Positions change on every drag frame: skip re-analysis, the graph's structure is unchanged.
        const cfg = get().config;
        const nodes = cfg.graph.nodes.map((n) => (n.id === id ? { ...n, position: { x: position.x, y: position.y } } : n));
        set({ config: { ...cfg, graph: { ...cfg.graph, nodes } } });
      },
      setNodeParam: (id, key, value) =>
        update((d) => {
          const n = d.graph.nodes.find((x) => x.id === id);
          if (n) n.params[key] = value;
        }),
      connect: (edge) =>
        update((d) => {
          const same = d.graph.edges.some(
            (e) => e.source === edge.source && e.target === edge.target && (e.sourceHandle ?? null) === (edge.sourceHandle ?? null) && (e.targetHandle ?? null) === (edge.targetHandle ?? null),
          );
          if (same) return;
          const id = uniqueId(`e_${edge.source}_${edge.target}_`, new Set(d.graph.edges.map((e) => e.id)));
          d.graph.edges.push({ id, source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? null, targetHandle: edge.targetHandle ?? null });
        }),
      removeEdges: (ids) => {
        const gone = new Set(ids);
        update((d) => {
          d.graph.edges = d.graph.edges.filter((e) => !gone.has(e.id));
        });
      },

      ...idleTraining,
      train: () => {
        const { config, analysis } = get();
        if (!analysis.ok) {
          set({ banner: { kind: 'error', text: `Cannot train: ${analysis.firstError}` } });
          return;
        }
        cancelQueue();
        const snapshot = structuredClone(config);
        const name = defaultRunName(snapshot, get().runs.map((r) => r.name));
        const ws = snapshot.warmStart;
        if (!ws) return startRun(snapshot, 'mtl', name);
        // The source's weights come from memory or IndexedDB: asynchronous, so the run is 'starting' meanwhile.
        set({ ...idleTraining, status: 'starting', runTasks: snapshot.tasks, totalSteps: snapshot.optimizer.steps });
        const token = (startToken = {});
        void get()
          .getWarmSource(ws.runId)
          .then((src) => {
            // Stopped, reset or started again meanwhile.
            if (token !== startToken || get().status !== 'starting') return;
            const label = ws.runName || ws.runId;
            if (!src) {
              const note = ws.runId.startsWith(WARM_FILE_PREFIX)
                ? `The warm-start file “${label}” is not loaded in this tab (uploaded weights are kept in memory only): this run trains from scratch.`
                : `The warm-start run “${label}” (or its weights) is not in this browser: this run trains from scratch.`;
              return startRun(snapshot, 'mtl', name, undefined, { record: { source: label, note, report: [] } });
            }
            const chosen = new Set(ws.nodes);
            const init = src.weights.filter((n) => chosen.has(n.id));
            startRun(snapshot, 'mtl', name, undefined, { record: { source: src.name, report: [] }, init });
          });
      },
      pause: () => getBridge().pause(),
      resume: () => getBridge().resume(),
      stop: () => {
        getBridge().stop();
        cancelQueue();
        endLive('stopped');
        if (['starting', 'running', 'paused'].includes(get().status)) set({ status: 'stopped' });
      },
      reset: () => {
        getBridge().stop();
        cancelQueue();
        endLive('stopped');
        set({ ...idleTraining });
      },

      runs: [],
      liveRunId: null,
      selectedRunIds: [],
      baselines: null,
      attachDb: (next, stored = []) => {
        db = next;
        const mine = get().runs;
        const ids = new Set(mine.map((r) => r.id));
        const runs = mine.concat(stored.filter((r) => !ids.has(r.id))).sort((a, b) => b.createdAt - a.createdAt);
        set({ runs });
        for (const r of mine) persist(r.id === live?.id ? live : r);
      },
      getRunWeights: async (runId) => weightsById.get(runId) ?? (db ? db.getWeights(runId).catch(() => null) : null),
      uploadedWeights: null,
      setUploadedWeights: (u) => set({ uploadedWeights: u }),
      getWarmSource: async (runId) => {
        if (runId.startsWith(WARM_FILE_PREFIX)) {
          const u = get().uploadedWeights;
          return u && WARM_FILE_PREFIX + u.name === runId ? u : null;
        }
        const run = get().runs.find((r) => r.id === runId);
        const w = run ? await get().getRunWeights(runId) : null;
        return run && w ? { name: run.name, config: run.config, weights: w.weights } : null;
      },
      exportPyTorch: async (runId) => {
        try {
          return await buildPyTorchExport(get(), runId);
        } catch (e) {
          set({ banner: { kind: 'error', text: `Could not export to PyTorch: ${e instanceof Error ? e.message : String(e)}` } });
          return null;
        }
      },
      trainBaselines: () => {
        const { config, analysis, runs } = get();
        if (!analysis.ok) {
          set({ banner: { kind: 'error', text: `Cannot train baselines: ${analysis.firstError}` } });
          return;
        }
        const snapshot = structuredClone(config);
        // Baselines train each task alone from scratch: no warm start, no two-phase schedule.
        delete snapshot.warmStart;
        delete snapshot.schedule;
        const key = comparableKey(snapshot);
        // The multi-task run these baselines stand beside: the latest one trained on the same data, seed and budget.
        const mtl = runs.filter((r) => r.kind === 'mtl' && comparableKey(r.config) === key).sort((a, b) => b.createdAt - a.createdAt)[0];
        queue = baselineConfigs(snapshot).map(({ taskId, config: c }) => ({ config: c, baselineOf: mtl ? { runId: mtl.id, taskId } : { taskId } }));
        if (queue.length === 0) {
          set({ banner: { kind: 'error', text: 'No task has a head, so there is no single-task baseline to train.' } });
          return;
        }
        set({ baselines: { total: queue.length, done: 0 } });
        nextBaseline();
      },
      renameRun: (id, name) => {
        const clean = name.trim().slice(0, 200);
        if (!clean) return;
        if (live?.id === id) live = { ...live, name: clean };
        set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, name: clean } : r)) }));
        db?.renameRun(id, clean).catch((e: unknown) => console.warn('runs: rename failed:', e));
      },
      deleteRun: (id) => {
        if (live?.id === id) get().stop();
        weightsById.delete(id);
        set((s) => ({ runs: s.runs.filter((r) => r.id !== id), selectedRunIds: s.selectedRunIds.filter((x) => x !== id) }));
        db?.deleteRun(id).catch((e: unknown) => console.warn('runs: delete failed:', e));
      },
      openRun: (id) => {
        const run = get().runs.find((r) => r.id === id);
        if (!run) return;
        get().setConfig(structuredClone(run.config));
        set({ banner: { kind: 'info', text: `Opened the experiment of run “${run.name}” in the editor.` } });
      },
      toggleRunSelected: (id) =>
        set((s) => ({ selectedRunIds: s.selectedRunIds.includes(id) ? s.selectedRunIds.filter((x) => x !== id) : [...s.selectedRunIds, id] })),

      selectedNodeId: null,
      banner: null,
      select: (id) => set({ selectedNodeId: id }),
      setBanner: (banner) => set({ banner }),
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
