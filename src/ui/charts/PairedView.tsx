/**
 * Paired comparison of two seed groups (two configurations): per task and for Δm%, the mean difference B − A over
 * the seeds both finished, its 95 % interval (paired t or paired bootstrap, as chosen and stated), and whether it
 * stands out of seed noise (the interval excludes 0).
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { deltaMConventionOf, type PairedMethod, type PairedResult } from '../../model';
import { compareGroups, finished, useApp } from '../../state';
import { Tex } from '../common/Tex';
import { CONVENTION_LABEL, PAIRED_FORMULAS } from '../panels/deltaMText';
import { useSeedGroups } from '../panels/SeedGroupsTable';

// recharts loads in its own chunk, when two groups are first compared.
const PairedSlopes = lazy(() => import('./PairedSlopes'));

const METHOD_LABEL: Record<PairedMethod, string> = { t: 'paired t interval', bootstrap: 'paired bootstrap (percentile, 10,000 resamples)' };

/** A difference in the row's unit: accuracy and Δm% in percentage points, RMSE as a number. */
function fmtDiff(v: number, unit: 'pp' | 'rmse', signed = true): string {
  if (!Number.isFinite(v)) return '–';
  const s = unit === 'pp' ? `${Math.abs(v).toFixed(2)} pp` : Math.abs(v).toFixed(4);
  return signed ? `${v < 0 ? '−' : '+'}${s}` : s;
}

/** What the interval says: which configuration is better beyond seed noise, or that the difference is within it. */
function verdict(r: PairedResult, higherIsBetter: boolean): string {
  if (r.n < 2) return 'needs ≥ 2 shared seeds';
  if (!r.distinguishable) return 'within seed noise (the interval contains 0)';
  const bBetter = higherIsBetter ? r.mean > 0 : r.mean < 0;
  return `${bBetter ? 'B' : 'A'} is better, beyond seed noise`;
}

function PairedRow({ id, label, r, unit, higherIsBetter }: { id: string; label: string; r: PairedResult; unit: 'pp' | 'rmse'; higherIsBetter: boolean }) {
  const scale = unit === 'pp' && id !== 'deltam' ? 100 : 1;
  return (
    <tr data-testid={`paired-row-${id}`} data-mean={r.mean} data-lo={r.lo} data-hi={r.hi} data-n={r.n} data-method={r.method} data-distinguishable={r.distinguishable}>
      <td>{label}</td>
      <td>{fmtDiff(r.mean * scale, unit)}</td>
      <td>{r.n >= 2 ? `[${fmtDiff(r.lo * scale, unit)}, ${fmtDiff(r.hi * scale, unit)}]` : '–'}</td>
      <td className={r.distinguishable ? 'paired-real' : 'paired-noise'}>{verdict(r, higherIsBetter)}</td>
    </tr>
  );
}

export function PairedView() {
  const groups = useSeedGroups();
  const runs = useApp((s) => s.runs);
  const convention = useApp((s) => deltaMConventionOf(s.config));
  const [pick, setPick] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const [method, setMethod] = useState<PairedMethod>('t');
  // Default: the newest group as B against the one before it as A.
  const a = groups.find((g) => g.id === pick.a) ?? groups[1];
  const b = groups.find((g) => g.id === pick.b) ?? groups[0];
  const result = useMemo(() => (a && b && a !== b ? compareGroups(a, b, runs, { method, convention }) : null), [a, b, runs, method, convention]);
  const [plotted, setPlotted] = useState('deltam');
  const f = PAIRED_FORMULAS[method];
  const plotTask = result?.tasks.find((t) => t.task.id === plotted);
  const plot = plotTask
    ? { values: plotTask, label: `${plotTask.task.name} ${plotTask.task.kind === 'regression' ? 'RMSE' : 'accuracy (%)'}`, scale: plotTask.task.kind === 'regression' ? 1 : 100 }
    : result?.deltaM
      ? { values: result.deltaMValues, label: 'Δm%', scale: 1 }
      : null;
  return (
    <section className="panel paired-view" data-testid="paired-view" data-groups={groups.length}>
      <div className="runs-head">
        <h3>Paired comparison</h3>
        {groups.length >= 2 && (
          <>
            {(['a', 'b'] as const).map((side) => (
              <label key={side} className="inline-field">
                <span>{side.toUpperCase()}</span>
                <select data-testid={`paired-${side}`} value={(side === 'a' ? a : b)?.id ?? ''} onChange={(e) => setPick((p) => ({ ...p, [side]: e.target.value }))}>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name} (× {finished(g).length} seeds)
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label className="inline-field">
              <span>Interval</span>
              <select data-testid="paired-method" value={method} onChange={(e) => setMethod(e.target.value as PairedMethod)}>
                <option value="t">paired t</option>
                <option value="bootstrap">paired bootstrap</option>
              </select>
            </label>
          </>
        )}
      </div>
      {groups.length < 2 ? (
        <p className="hint">Train two configurations with “Train × N seeds” to compare them seed by seed here.</p>
      ) : !result ? (
        <p className="hint">Pick two different groups.</p>
      ) : (
        <>
          <p className="hint" data-testid="paired-summary" data-seeds={result.seeds.join(',')} data-method={method}>
            B − A over the {result.seeds.length} seeds both finished{result.seeds.length ? ` (${result.seeds.join(', ')})` : ''}, each pair on the same data and
            initial draw. Interval: 95 % {METHOD_LABEL[method]}: <Tex tex={f.tex} text={f.text} testId="paired-tex" />. A difference is distinguishable from seed
            noise when its interval excludes 0.
            {method === 'bootstrap' && result.seeds.length < 10 && (
              <strong data-testid="paired-bootstrap-warning">
                {' '}
                With {result.seeds.length} seeds the bootstrap can only resample a handful of means: its interval is too narrow (about min…max of the differences). The paired t
                interval is the safer reading for few seeds.
              </strong>
            )}
          </p>
          <table className="runs-table" data-testid="paired-table">
            <thead>
              <tr>
                <th>Quantity</th>
                <th>Mean B − A</th>
                <th>95 % interval</th>
                <th>Verdict</th>
              </tr>
            </thead>
            <tbody>
              {result.tasks.map(({ task, result: r, higherIsBetter }) => (
                <PairedRow key={task.id} id={task.id} label={`${task.name} · ${task.kind === 'regression' ? 'RMSE (lower is better)' : 'accuracy'}`} r={r} unit={task.kind === 'regression' ? 'rmse' : 'pp'} higherIsBetter={higherIsBetter} />
              ))}
              {result.deltaM ? (
                <PairedRow id="deltam" label={`Δm% · ${CONVENTION_LABEL[convention]}`} r={result.deltaM} unit="pp" higherIsBetter />
              ) : (
                <tr data-testid="paired-row-deltam-missing">
                  <td>Δm%</td>
                  <td colSpan={3} className="hint">
                    needs single-task baselines of the shared seeds
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <label className="inline-field">
            <span>Seed by seed</span>
            <select data-testid="paired-plot" value={plotted} onChange={(e) => setPlotted(e.target.value)}>
              <option value="deltam">Δm%</option>
              {result.tasks.map(({ task }) => (
                <option key={task.id} value={task.id}>
                  {task.name}
                </option>
              ))}
            </select>
          </label>
          {plot && (
            <Suspense fallback={<p className="hint">Loading the chart…</p>}>
              <PairedSlopes seeds={result.seeds} values={plot.values} label={plot.label} scale={plot.scale} />
            </Suspense>
          )}
          <p className="hint" data-testid="paired-convention" data-convention={convention}>
            Δm% shown: {CONVENTION_LABEL[convention]}; each seed against the baselines of the same seed. Switch the convention in the runs list.
          </p>
        </>
      )}
    </section>
  );
}
