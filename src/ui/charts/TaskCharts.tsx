/** Live per-task curves (train/validation loss, metric) and a combined chart, drawn on canvas; long series are downsampled. */
import { memo, useMemo, useState } from 'react';
import type { TaskSpec } from '../../model';
import { metricName, metricsCsv, useApp, useAppStore, type MetricPoint } from '../../state';
import { saveFile } from '../panels/DownloadLink';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import { downsample } from './downsample';
import { ConflictView, WeightsChart } from './ConflictView';
import { useCanvasTheme } from './theme';
import { LineCanvas, type Series } from './LineCanvas';
import { ema } from './smooth';
import { fmtNum } from './ticks';
import { useThrottled } from './useThrottled';

const MAX_POINTS = 300;
/** redraw interval of live charts, ms */
const REDRAW_MS = 250;

/** How the live charts draw: EMA smoothing weight in [0, 1), log-scale losses, which splits to show. */
export interface ChartOptions {
  smoothing: number;
  logY: boolean;
  showTrain: boolean;
  showVal: boolean;
}

const DEFAULT_OPTIONS: ChartOptions = { smoothing: 0, logY: false, showTrain: true, showVal: true };

/** A column of the points, smoothed by the chart options. */
function column(points: MetricPoint[], f: (p: MetricPoint) => number, smoothing: number): Float64Array {
  const raw = Float64Array.from(points, f);
  return smoothing > 0 ? ema(raw, smoothing) : raw;
}

type Markers = { x: number; label: string }[];

const TaskChart = memo(function TaskChart({ task, index, points, opts, markers }: { task: TaskSpec; index: number; points: MetricPoint[]; opts: ChartOptions; markers: Markers }) {
  const mName = metricName(task.kind);
  const { xs, series } = useMemo(() => {
    const col = (f: (p: MetricPoint) => number) => column(points, f, opts.smoothing);
    const s: Series[] = [];
    if (opts.showTrain) s.push({ key: 'train', label: 'train loss', colour: '#2f6fde', ys: col((p) => p.tasks[index].trainLoss) });
    if (opts.showVal) {
      s.push({ key: 'val', label: 'val loss', colour: '#f0883e', ys: col((p) => p.tasks[index].valLoss) });
      s.push({ key: 'metric', label: `val ${mName} (right)`, colour: '#2bb673', dashed: true, right: true, ys: col((p) => p.tasks[index].metric) });
    }
    return { xs: Float64Array.from(points, (p) => p.step), series: s };
  }, [points, index, mName, opts]);
  const last = points.at(-1)?.tasks[index];
  return (
    <figure className="chart" data-testid={`chart-${task.id}`}>
      <figcaption>
        <strong>{task.name}</strong> · {task.kind}
        {last && (
          <span className="chart-stats">
            val loss {fmtNum(last.valLoss)} · {mName} {mName === 'accuracy' ? `${(last.metric * 100).toFixed(1)}%` : fmtNum(last.metric)}
          </span>
        )}
      </figcaption>
      <LineCanvas xs={xs} series={series} testId={`canvas-${task.id}`} logY={opts.logY} pngName={`${task.name}-curves`} pngTitle={`${task.name} (${task.kind}): training curves`} yLabel={`loss (left), ${mName} (right)`} markers={markers} />
    </figure>
  );
});

const CombinedChart = memo(function CombinedChart({ tasks, points, opts, markers }: { tasks: TaskSpec[]; points: MetricPoint[]; opts: ChartOptions; markers: Markers }) {
  const ink = useCanvasTheme().ink;
  const { xs, series } = useMemo(() => {
    const s: Series[] = [];
    if (opts.showTrain) s.push({ key: 'total', label: 'weighted train loss', colour: ink, ys: column(points, (p) => p.totalLoss, opts.smoothing) });
    if (opts.showVal)
      tasks.forEach((t, i) => s.push({ key: t.id, label: `${t.name} val`, colour: CLASS_COLOURS[i % CLASS_COLOURS.length], ys: column(points, (p) => p.tasks[i].valLoss, opts.smoothing) }));
    return { xs: Float64Array.from(points, (p) => p.step), series: s };
  }, [points, tasks, opts, ink]);
  return (
    <figure className="chart combined" data-testid="chart-combined">
      <figcaption>
        <strong>All tasks</strong> · validation loss per task and weighted train loss
      </figcaption>
      <LineCanvas xs={xs} series={series} testId="canvas-combined" logY={opts.logY} pngName="all-tasks" pngTitle="All tasks: validation loss per task and weighted train loss" yLabel="loss" markers={markers} />
    </figure>
  );
});

/** All charts of the current run. Reads only training state, so editing the graph never re-renders them. */
export function TaskCharts() {
  const tasks = useApp((s) => s.runTasks);
  const throttled = useThrottled(useApp((s) => s.points), REDRAW_MS);
  // The throttled points lag the run's tasks by up to REDRAW_MS: right after a new run starts (e.g. a one-task
  // baseline after a three-task run) they may still be the previous run's, with another number of tasks.
  const points = useMemo(() => (throttled.length && throttled[0].tasks.length !== tasks.length ? [] : throttled), [throttled, tasks.length]);
  const shown = useMemo(() => downsample(points, MAX_POINTS), [points]);
  const [opts, setOpts] = useState(DEFAULT_OPTIONS);
  // A two-phase run: a line where phase 2 (all tasks) starts.
  const phase2 = useApp((s) => s.runs.find((r) => r.id === s.runId)?.config.schedule?.phase1Steps);
  const markers = useMemo<Markers>(() => (phase2 ? [{ x: phase2, label: 'phase 2' }] : []), [phase2]);
  if (tasks.length === 0) return <section className="charts empty">Press Train to see each task's learning curves here.</section>;
  return (
    <section className="charts" data-testid="charts">
      <ChartToolbar opts={opts} onChange={setOpts} />
      <CombinedChart tasks={tasks} points={shown} opts={opts} markers={markers} />
      {tasks.map((t, i) => (
        <TaskChart key={t.id} task={t} index={i} points={shown} opts={opts} markers={markers} />
      ))}
      <WeightsChart tasks={tasks} points={shown} />
      <ConflictView tasks={tasks} points={points} />
    </section>
  );
}

/** Smoothing, log scale and train/validation toggles for the live charts. */
function ChartToolbar({ opts, onChange }: { opts: ChartOptions; onChange(o: ChartOptions): void }) {
  const set = (patch: Partial<ChartOptions>) => onChange({ ...opts, ...patch });
  return (
    <div className="chart-toolbar" data-testid="chart-toolbar">
      <label title="Exponential moving average of each curve (0 = raw values)">
        Smoothing
        <input type="range" min={0} max={0.99} step={0.01} value={opts.smoothing} data-testid="chart-smoothing" onChange={(e) => set({ smoothing: Number(e.target.value) })} />
        <output>{opts.smoothing.toFixed(2)}</output>
      </label>
      <label>
        <input type="checkbox" checked={opts.logY} data-testid="chart-log" onChange={(e) => set({ logY: e.target.checked })} /> log-scale losses
      </label>
      <label>
        <input type="checkbox" checked={opts.showTrain} data-testid="chart-show-train" onChange={(e) => set({ showTrain: e.target.checked })} /> train
      </label>
      <label>
        <input type="checkbox" checked={opts.showVal} data-testid="chart-show-val" onChange={(e) => set({ showVal: e.target.checked })} /> validation
      </label>
      <MetricsCsvLink />
    </div>
  );
}

/** The live (or last) run's metrics, every evaluation (from the stored chunks, not the bounded chart points), as CSV. */
function MetricsCsvLink() {
  const store = useAppStore();
  // Assembled after the click (the chunks are read from IndexedDB), then saved.
  const download = async () => {
    const s = store.getState();
    const points = s.runId ? await s.fullSeries(s.runId, s.runTasks.length, s.points) : s.points;
    saveFile(`metrics-${s.runId ?? 'run'}.csv`, metricsCsv(s.runTasks, points), 'text/csv');
  };
  return (
    <button
      type="button"
      className="button-link"
      data-testid="export-metrics-csv"
      onClick={() => void download()}
      title="Download every evaluation of this run: step, per-task train/validation loss, metric and weight"
    >
      Metrics CSV
    </button>
  );
}
