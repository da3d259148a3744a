/** What the model learned: live decision boundaries (2D inputs) and, at the end of a run, validation confusion matrices / predicted-vs-true. */
import { taskClassNames, type DatasetArrays } from '../../model';
import { useMemo } from 'react';
import { useApp } from '../../state';
import { BoundaryView } from './BoundaryView';
import { ConfusionMatrix } from './ConfusionMatrix';
import { PredVsTrue } from './PredVsTrue';
import { useThrottled } from './useThrottled';

/** `data`: the live run's dataset (for the training points on the boundaries), or null. */
export function InsightView({ data }: { data: DatasetArrays | null }) {
  const tasks = useApp((s) => s.runTasks);
  const boundary = useThrottled(useApp((s) => s.boundary), 200);
  const predictions = useApp((s) => s.predictions);
  // The class names of the dataset the run trained on (not the one being edited now).
  const ds = useApp((s) => s.runs.find((r) => r.id === s.runId)?.config.dataset ?? s.config.dataset);
  const table = useApp((s) => s.csv.table);
  const names = useMemo(() => tasks.map((t) => taskClassNames(ds, t, table)), [tasks, ds, table]);
  const ok = (n: number | undefined) => n === tasks.length;
  const showBoundary = boundary && ok(boundary.values.length);
  const showPred = predictions && ok(predictions.pred.length);
  if (!tasks.length || (!showBoundary && !showPred)) return null;
  return (
    <section className="charts insight" data-testid="insight" data-val-rows={showPred ? predictions.truth[0]?.length : undefined}>
      {showBoundary && tasks.map((t, i) => <BoundaryView key={`b-${t.id}`} task={t} index={i} boundary={boundary} data={data} />)}
      {showPred &&
        tasks.map((t, i) =>
          t.kind === 'regression' ? (
            <PredVsTrue key={`p-${t.id}`} task={t} pred={predictions.pred[i]} truth={predictions.truth[i]} />
          ) : (
            <ConfusionMatrix key={`c-${t.id}`} task={t} pred={predictions.pred[i]} truth={predictions.truth[i]} names={names[i]} />
          ),
        )}
    </section>
  );
}
