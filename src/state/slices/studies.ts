/** Studies slice: the study being set up (draft), the stored studies, the open one's runs, and the running one's progress. */
import { showcaseStudy, evenValues, type StudyConfig } from '../../model';
import type { RunRecord } from '../runsDb';
import type { StudiesDb, StudyRecord } from '../studiesDb';
import { checkStudyKnob, studyKnobs } from '../studyKnobs';
import { pendingRuns, planStudy } from '../studyPlan';
import type { StudyProgress, StudyRunner } from '../studyRunner';
import { newRunId } from '../runs';
import type { SliceContext } from './context';

export interface StudiesSlice {
  /** the setup shown in the Studies panel, ready to run */
  studyDraft: StudyConfig | null;
  /** stored studies, newest first */
  studies: StudyRecord[];
  /** the study whose results are shown */
  openStudyId: string | null;
  /** the open study's finished runs */
  studyRuns: RunRecord[];
  /** the running study's progress; null when none runs */
  studyProgress: StudyProgress | null;
  /** Use `db` for studies from now on: studies left running by a closed tab become 'interrupted', then all are listed. */
  attachStudies(db: StudiesDb | null): Promise<void>;
  setStudyDraft(s: StudyConfig | null): void;
  /** A draft sweeping the current experiment's first knob over 5 values, with the experiment as its one arm. */
  draftFromExperiment(): void;
  /** Run the draft as a new study. */
  runStudy(): void;
  /** Train the runs of stored study `id` that did not finish. */
  resumeStudy(id: string): void;
  cancelStudy(): void;
  /** Show stored study `id`'s results (and its setup as the draft, unless keepDraft). */
  openStudy(id: string, opts?: { keepDraft?: boolean }): void;
  deleteStudy(id: string): void;
  /** The "Does sharing help?" study: set as draft and run. */
  runShowcase(): void;
}

/** The slice; `runner` trains the studies (its callbacks are wired by the store). */
export function studiesSlice({ set, get }: SliceContext, runner: () => StudyRunner): StudiesSlice & { studyRunnerHooks: StudyRunnerHooks } {
  let db: StudiesDb | null = null;
  const record = (id: string) => get().studies.find((s) => s.id === id);
  const putStudy = (s: StudyRecord) => {
    set((st) => ({ studies: [s, ...st.studies.filter((x) => x.id !== s.id)].sort((a, b) => b.createdAt - a.createdAt) }));
    void db?.putStudy(s).catch((e: unknown) => console.warn('studies: could not save a study:', e));
  };
  const error = (text: string) => set({ banner: { kind: 'error', text } });

  /** Plan study `rec` and train what `done` lacks. */
  const launch = (rec: StudyRecord, done: RunRecord[]) => {
    const checked = checkStudyKnob(rec.config);
    if (!checked.ok) return error(checked.error);
    const plan = planStudy(rec.config, checked.knob.int);
    if (!plan.ok) return error(plan.error);
    if (get().studyProgress) runner().cancel();
    const pending = pendingRuns(plan.runs, done, rec.id);
    putStudy({ ...rec, status: 'running' });
    set({ openStudyId: rec.id, studyRuns: done });
    runner().start(rec.id, pending, plan.runs.length - pending.length, plan.runs.length);
  };

  const hooks: StudyRunnerHooks = {
    onRecord: (rec) => {
      void db?.putStudyRun(rec).catch((e: unknown) => console.warn('studies: could not save a run:', e));
      if (rec.study?.id === get().openStudyId) set((s) => ({ studyRuns: [...s.studyRuns.filter((r) => r.id !== rec.id), rec] }));
    },
    onProgress: (p) => set({ studyProgress: p }),
    onFinished: (p) => {
      const rec = record(p.studyId);
      if (rec) putStudy({ ...rec, status: p.failed ? 'stopped' : 'done', elapsedMs: rec.elapsedMs + p.elapsedMs });
      set({ studyProgress: null });
      if (p.failed) error(`${p.failed} trainings of the study failed; Resume trains them again.`);
    },
  };

  return {
    studyRunnerHooks: hooks,
    studyDraft: null,
    studies: [],
    openStudyId: null,
    studyRuns: [],
    studyProgress: null,
    attachStudies: async (next) => {
      db = next;
      if (!db) return;
      try {
        await db.markInterrupted();
        const stored = await db.listStudies();
        const mine = new Set(get().studies.map((s) => s.id));
        set((s) => ({ studies: [...s.studies, ...stored.filter((x) => !mine.has(x.id))].sort((a, b) => b.createdAt - a.createdAt) }));
        const open = get().openStudyId ?? stored[0]?.id ?? null;
        // A study link's draft stays the setup shown; the newest study's results are shown beside it.
        if (open && !get().studyProgress) get().openStudy(open, { keepDraft: get().studyDraft !== null });
      } catch (e) {
        console.warn('studies: could not load the stored studies:', e);
      }
    },
    setStudyDraft: (s) => set({ studyDraft: s }),
    draftFromExperiment: () => {
      const base = structuredClone(get().config);
      delete base.warmStart;
      const knob = studyKnobs(base)[0];
      const lo = knob.int ? knob.min : Math.max(knob.min, 0);
      const hi = knob.int ? Math.min(knob.max, Math.max(knob.current * 2, lo + 4)) : Math.min(knob.max, Math.max(knob.current * 2, 1));
      set({ studyDraft: { version: 1, name: `Sweep of ${base.name}`, base, knob: knob.id, values: evenValues(lo, hi, 5).map((v) => (knob.int ? Math.round(v) : v)), arms: [{}], seeds: { count: 3, varyData: false }, metric: { kind: 'deltaM' } } });
    },
    runStudy: () => {
      const draft = get().studyDraft;
      if (!draft) return;
      if (draft.base.dataset.kind === 'csv') return error('A study cannot train on an uploaded CSV file yet: its workers would need the file.');
      launch({ id: newRunId(), createdAt: Date.now(), status: 'running', config: structuredClone(draft), elapsedMs: 0 }, []);
    },
    resumeStudy: (id) => {
      const rec = record(id);
      if (!rec) return;
      const go = (runs: RunRecord[]) => launch(rec, runs);
      if (get().openStudyId === id) return go(get().studyRuns);
      void (db ? db.listStudyRuns(id) : Promise.resolve([])).then(go);
    },
    cancelStudy: () => {
      const p = get().studyProgress;
      if (!p) return;
      const ms = runner().cancel();
      const rec = record(p.studyId);
      if (rec) putStudy({ ...rec, status: 'stopped', elapsedMs: rec.elapsedMs + ms });
      set({ studyProgress: null });
    },
    openStudy: (id, { keepDraft = false } = {}) => {
      const rec = record(id);
      if (!rec) return;
      set({ openStudyId: id, ...(keepDraft ? {} : { studyDraft: structuredClone(rec.config) }) });
      if (get().studyProgress?.studyId === id) return;
      set({ studyRuns: [] });
      void db?.listStudyRuns(id).then((runs) => {
        if (get().openStudyId === id) set((s) => ({ studyRuns: [...runs, ...s.studyRuns.filter((r) => !runs.some((x) => x.id === r.id))] }));
      });
    },
    deleteStudy: (id) => {
      if (get().studyProgress?.studyId === id) get().cancelStudy();
      set((s) => ({ studies: s.studies.filter((x) => x.id !== id), ...(s.openStudyId === id ? { openStudyId: null, studyRuns: [] } : {}) }));
      void db?.deleteStudy(id).catch((e: unknown) => console.warn('studies: could not delete a study:', e));
    },
    runShowcase: () => {
      set({ studyDraft: showcaseStudy() });
      get().runStudy();
    },
  };
}

/** The runner's callbacks into the slice. */
export interface StudyRunnerHooks {
  onRecord(rec: RunRecord): void;
  onProgress(p: StudyProgress): void;
  onFinished(p: StudyProgress): void;
}
