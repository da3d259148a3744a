/** Trade-off between two tasks: each run's final metric on task A against task B, with the non-dominated runs joined as the Pareto front. */
import { useMemo, useRef, useState } from 'react';
import { metricDirection, paretoFront, finalMetrics } from '../../model/analysis';
import { arrayMax, arrayMin } from '../../model';
import { useApp, type RunRecord } from '../../state';
import { fmtMetric } from '../panels/RunsPanel';
import { tasksOf, useSelectedRuns } from './CompareView';
import { fmtNum } from './ticks';
import { SvgPngButton } from './PngButton';

const W = 320;
const H = 220;
const PAD = { l: 46, r: 12, t: 10, b: 34 };

/** Selected runs when any are ticked, else every finished multi-task run. */
function useCandidates(): { runs: RunRecord[]; fromSelection: boolean } {
  const selected = useSelectedRuns();
  const all = useApp((s) => s.runs);
  return useMemo(
    () => (selected.length ? { runs: selected, fromSelection: true } : { runs: all.filter((r) => r.kind === 'mtl' && r.status === 'done'), fromSelection: false }),
    [selected, all],
  );
}

export function ParetoView() {
  const { runs, fromSelection } = useCandidates();
  const tasks = useMemo(() => tasksOf(runs.filter((r) => r.config.tasks.length > 1)), [runs]);
  const [pick, setPick] = useState<[string | null, string | null]>([null, null]);
  const svgRef = useRef<SVGSVGElement>(null);
  const a = tasks.find((t) => t.id === pick[0]) ?? tasks[0];
  const b = tasks.find((t) => t.id === pick[1]) ?? tasks.find((t) => t !== a);

  const { pts, front } = useMemo(() => {
    if (!a || !b) return { pts: [], front: [] as string[] };
    const pts = runs.flatMap((r) => {
      const ia = r.config.tasks.findIndex((t) => t.id === a.id);
      const ib = r.config.tasks.findIndex((t) => t.id === b.id);
      const fin = finalMetrics(r.points);
      if (ia < 0 || ib < 0 || !fin || !Number.isFinite(fin.metric[ia]) || !Number.isFinite(fin.metric[ib])) return [];
      return [{ id: r.id, name: r.name, a: fin.metric[ia], b: fin.metric[ib] }];
    });
    return { pts, front: paretoFront(pts, metricDirection(a.kind).higherIsBetter, metricDirection(b.kind).higherIsBetter) };
  }, [runs, a, b]);

  const onFront = new Set(front);
  const ext = (k: 'a' | 'b'): [number, number] => {
    if (!pts.length) return [0, 1];
    let lo = arrayMin(pts.map((p) => p[k]));
    let hi = arrayMax(pts.map((p) => p[k]));
    const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.05 || 0.5;
    lo -= pad;
    hi += pad;
    return [lo, hi];
  };
  const [a0, a1] = ext('a');
  const [b0, b1] = ext('b');
  const sx = (v: number) => PAD.l + ((v - a0) / (a1 - a0)) * (W - PAD.l - PAD.r);
  const sy = (v: number) => H - PAD.b - ((v - b0) / (b1 - b0)) * (H - PAD.t - PAD.b);
  const frontPts = front.map((id) => pts.find((p) => p.id === id)!);

  return (
    <section className="panel pareto-view" data-testid="pareto-view" data-points={pts.length}>
      <div className="runs-head">
        <h3>Pareto front</h3>
        {tasks.length >= 2 && a && b && (
          <>
            <select aria-label="Task on the horizontal axis" data-testid="pareto-task-a" value={a.id} onChange={(e) => setPick([e.target.value, b.id === e.target.value ? a.id : b.id])}>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <span>vs</span>
            <select aria-label="Task on the vertical axis" data-testid="pareto-task-b" value={b.id} onChange={(e) => setPick([a.id === e.target.value ? b.id : a.id, e.target.value])}>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {pts.length > 0 && <SvgPngButton svg={() => svgRef.current} name={`pareto-${a.name}-vs-${b.name}`} testId="png-pareto" />}
          </>
        )}
      </div>
      <p className="hint">
        {fromSelection ? 'Ticked runs' : 'All finished multi-task runs'}: final validation metric of one task against another. A run is on the front when no other run is at
        least as good on both and better on one.
      </p>
      {!a || !b || pts.length === 0 ? (
        <p className="hint">Train multi-task runs to see their trade-off here.</p>
      ) : (
        <div className="pareto-body">
          <svg ref={svgRef} width={W} height={H} className="pareto-plot" data-testid="pareto-plot" role="img" aria-label={`${a.name} against ${b.name}`}>
            <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} stroke="#9aa4b1" />
            <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} stroke="#9aa4b1" />
            <text x={(W + PAD.l) / 2} y={H - 6} textAnchor="middle" fontSize={11}>
              {a.name} ({metricDirection(a.kind).name}, {metricDirection(a.kind).higherIsBetter ? 'higher' : 'lower'} is better)
            </text>
            <text x={12} y={(H - PAD.b) / 2} textAnchor="middle" fontSize={11} transform={`rotate(-90 12 ${(H - PAD.b) / 2})`}>
              {b.name} ({metricDirection(b.kind).name})
            </text>
            <text x={PAD.l} y={H - PAD.b + 12} fontSize={9} fill="#6b7684">
              {fmtNum(a0)}
            </text>
            <text x={W - PAD.r} y={H - PAD.b + 12} fontSize={9} fill="#6b7684" textAnchor="end">
              {fmtNum(a1)}
            </text>
            <text x={PAD.l - 3} y={H - PAD.b} fontSize={9} fill="#6b7684" textAnchor="end">
              {fmtNum(b0)}
            </text>
            <text x={PAD.l - 3} y={PAD.t + 8} fontSize={9} fill="#6b7684" textAnchor="end">
              {fmtNum(b1)}
            </text>
            {frontPts.length > 1 && <polyline points={frontPts.map((p) => `${sx(p.a)},${sy(p.b)}`).join(' ')} fill="none" stroke="#d1453b" strokeWidth={1.5} />}
            {pts.map((p) => (
              <circle key={p.id} cx={sx(p.a)} cy={sy(p.b)} r={onFront.has(p.id) ? 5 : 4} fill={onFront.has(p.id) ? '#d1453b' : '#9aa4b1'} data-testid={`pareto-point-${p.id}`}>
                <title>
                  {p.name}: {fmtMetric(a, p.a)} · {fmtMetric(b, p.b)}
                </title>
              </circle>
            ))}
          </svg>
          <ol className="pareto-front" data-testid="pareto-front" data-count={frontPts.length}>
            {frontPts.map((p) => (
              <li key={p.id} data-run-id={p.id}>
                {p.name} <span className="hint">{fmtMetric(a, p.a)} · {fmtMetric(b, p.b)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
