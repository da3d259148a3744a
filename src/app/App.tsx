/** Composition root: the store from the URL, the dataset preview, and the page layout. */
import { useEffect, useMemo, useState } from 'react';
import { generateDataset } from '../datasets';
import { dataSeedOf, datasetSpec } from '../model';
import { DATASET_VIEWS } from './datasetViews';
import { ToyPanel } from './ToyPanel';
import { useDatasetPreview } from './useDatasetPreview';
import { bootFromHash, clearHash, createAppStore, startPersistence, StoreContext, useApp, watchAddressBar } from '../state';
import { CompareView } from '../ui/charts/CompareView';
import { InsightView } from '../ui/charts/InsightView';
import { PairedView } from '../ui/charts/PairedView';
import { ParetoView } from '../ui/charts/ParetoView';
import { RobustnessView } from '../ui/charts/RobustnessView';
import { TaskCharts } from '../ui/charts/TaskCharts';
import { GraphEditor } from '../ui/editor/GraphEditor';
import { ErrorBoundary } from '../ui/common/ErrorBoundary';
import { Banner } from '../ui/panels/Banner';
import { DatasetPanel } from '../ui/panels/DatasetPanel';
import { Inspector } from '../ui/panels/Inspector';
import { RunsPanel } from '../ui/panels/RunsPanel';
import { ShareBar } from '../ui/panels/ShareBar';
import { StudyPanel } from '../ui/panels/StudyPanel';
import { TrainPanel } from '../ui/panels/TrainPanel';
import { WarmStartPanel } from '../ui/panels/WarmStartPanel';
import { Hideable } from '../ui/lessons/Hideable';
import { LessonPanel } from '../ui/lessons/LessonPanel';
import { LessonsMenu } from '../ui/lessons/LessonsMenu';

function DatasetWithPreview() {
  const dataset = useApp((s) => s.config.dataset);
  const tasks = useApp((s) => s.config.tasks);
  // The data's seed (a seeded run may keep its data fixed while its training seed varies).
  const seed = useApp((s) => dataSeedOf(s.config));
  // Generated on the main thread for the preview only; the worker regenerates the same data from the seed.
  const preview = useDatasetPreview({ dataset, tasks, seed });
  return <DatasetPanel preview={preview} views={DATASET_VIEWS} />;
}

/** Boundaries and validation views of the live (or last) run, over that run's own dataset. */
function RunInsight() {
  const runConfig = useApp((s) => s.runs.find((r) => r.id === s.runId)?.config ?? null);
  const dataset = runConfig?.dataset;
  const tasks = runConfig?.tasks;
  const seed = runConfig ? dataSeedOf(runConfig) : undefined;
  // Only points in the plane have decision boundaries, the one view that draws the data points; other datasets
  // are not regenerated on the main thread (some need files that only the worker loads).
  const data = useMemo(
    () => (dataset && datasetSpec(dataset.kind).plane && tasks && seed !== undefined ? generateDataset({ dataset, tasks, seed }) : null),
    [dataset, tasks, seed],
  );
  return <InsightView data={data} />;
}

export function App() {
  const [{ store, hash, fromLink }] = useState(() => {
    const hash = window.location.hash;
    const boot = bootFromHash(hash);
    const s = createAppStore(boot.config);
    if (boot.banner) s.getState().setBanner(boot.banner);
    if (boot.study) s.getState().setStudyDraft(boot.study);
    return { store: s, hash, fromLink: boot.fromLink };
  });
  // Runs and the autosaved experiment live in IndexedDB; an experiment in the URL wins over the saved one.
  // startPersistence runs once per store (StrictMode mounts effects twice) and never rejects. Once the link's
  // experiment is kept (in the synchronous unload copy at once, else in the database), its hash leaves the address
  // bar: a reload then reopens the autosave, never a stale link over a newer edit.
  useEffect(() => {
    void startPersistence(store, { hash, linkOpened: fromLink, clearLink: clearHash }).then((p) => p.db && clearHash());
  }, [store, hash, fromLink]);
  useEffect(() => watchAddressBar(store), [store]);
  return (
    <StoreContext.Provider value={store}>
      <ErrorBoundary name="the page">
      <div className="app">
        <header className="topbar">
          <h1>
            <img src="/favicon.svg" alt="" width={22} height={22} /> MTL Playground
          </h1>
          <ErrorBoundary name="the lessons menu"><LessonsMenu /></ErrorBoundary>
          <ErrorBoundary name="the share bar"><ShareBar /></ErrorBoundary>
        </header>
        <Banner />
        <main className="layout">
          <aside className="left">
            <ErrorBoundary name="the data panel"><DatasetWithPreview /></ErrorBoundary>
          </aside>
          <section className="center">
            <ErrorBoundary name="the graph editor"><GraphEditor /></ErrorBoundary>
            <ErrorBoundary name="the live curves"><TaskCharts /></ErrorBoundary>
            <ErrorBoundary name="the decision boundaries"><RunInsight /></ErrorBoundary>
            <ErrorBoundary name="the robustness view"><RobustnessView /></ErrorBoundary>
            <ErrorBoundary name="the runs list"><RunsPanel /></ErrorBoundary>
            <ErrorBoundary name="the comparison view"><CompareView /></ErrorBoundary>
            <ErrorBoundary name="the paired comparison"><PairedView /></ErrorBoundary>
            <ErrorBoundary name="the Pareto view"><ParetoView /></ErrorBoundary>
            <ErrorBoundary name="the toy landscape"><ToyPanel /></ErrorBoundary>
            <ErrorBoundary name="the studies panel"><StudyPanel /></ErrorBoundary>
          </section>
          <aside className="right">
            <ErrorBoundary name="the inspector"><Inspector /></ErrorBoundary>
            <ErrorBoundary name="the training panel"><TrainPanel /></ErrorBoundary>
            <Hideable k="warmstart"><ErrorBoundary name="the warm-start panel"><WarmStartPanel /></ErrorBoundary></Hideable>
          </aside>
        </main>
      </div>
      <ErrorBoundary name="the lesson"><LessonPanel /></ErrorBoundary>
      </ErrorBoundary>
    </StoreContext.Provider>
  );
}
