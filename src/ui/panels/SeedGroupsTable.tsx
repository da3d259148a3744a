/** The seed groups of this browser ("Train × N seeds"): mean ± 95 % t interval of each final metric and of Δm%, per group. */
import { useMemo } from 'react';
import { deltaMConventionOf, type Interval, type TaskSpec } from '../../model';
import { seedGroups, summarizeGroup, useApp, useAppStore, type SeedGroup } from '../../state';
import { fmtPm } from './deltaMText';

/** A task's final metric as mean ± half-width: accuracy in %, RMSE as a number. */
export function fmtMetricPm(task: Pick<TaskSpec, 'kind'>, iv: Pick<Interval, 'mean' | 'half'>): string {
  return task.kind === 'regression' ? `RMSE ${fmtPm(iv.mean, iv.half, 3)}` : fmtPm(iv.mean * 100, iv.half * 100, 1, '%');
}

/** Every seed group among the runs, newest first (recomputed when the runs change). */
export function useSeedGroups(): SeedGroup[] {
  const runs = useApp((s) => s.runs);
  return useMemo(() => seedGroups(runs), [runs]);
}

export function SeedGroupsTable() {
  const groups = useSeedGroups();
  if (groups.length === 0) return null;
  return (
    <table className="runs-table seed-groups" data-testid="seed-groups">
      <caption>Seed groups: mean ± 95 % t interval over the finished seeds</caption>
      <thead>
        <tr>
          <th title="Compare (ticks every seed of the group)">⇆</th>
          <th>Group</th>
          <th>Seeds</th>
          <th>Final metrics</th>
          <th>Δm%</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <GroupRow key={g.id} group={g} />
        ))}
      </tbody>
    </table>
  );
}

function GroupRow({ group }: { group: SeedGroup }) {
  const runs = useApp((s) => s.runs);
  const convention = useApp((s) => deltaMConventionOf(s.config));
  const selected = useApp((s) => group.members.every((r) => s.selectedRunIds.includes(r.id)));
  const live = useApp((s) => s.status === 'starting' || s.status === 'running' || s.status === 'paused');
  const store = useAppStore();
  const sum = useMemo(() => summarizeGroup(group, runs, convention), [group, runs, convention]);
  // Some seed, or some seed's baselines (needed for its Δm%), did not finish.
  const unfinished = sum.done < group.size || (group.tasks.length > 1 && (sum.deltaM?.n ?? 0) < sum.done);
  const toggle = () => {
    const { selectedRunIds, toggleRunSelected } = store.getState();
    for (const r of group.members) if (selectedRunIds.includes(r.id) === selected) toggleRunSelected(r.id);
  };
  return (
    <tr data-testid={`group-row-${group.id}`} data-name={group.name} data-done={sum.done} data-size={group.size}>
      <td>
        <input type="checkbox" data-testid={`group-select-${group.id}`} checked={selected} onChange={toggle} aria-label={`Compare the seeds of ${group.name}`} />
      </td>
      <td className="run-name">
        {group.name} <span className="run-kind">× {group.size} seeds</span>
      </td>
      <td>
        {sum.done}/{group.size}
        {group.members.some((r) => r.status === 'running') ? (
          ' …'
        ) : unfinished ? (
          <>
            {' '}
            <span className="hint">unfinished</span>{' '}
            <button
              type="button"
              data-testid={`group-resume-${group.id}`}
              disabled={live}
              title="Train the seeds of this group that did not finish, and the missing baselines of every seed"
              onClick={() => store.getState().resumeSeedGroup(group.id)}
            >
              Resume
            </button>
          </>
        ) : null}
      </td>
      <td className="run-metrics">
        {group.tasks.map((t, i) => (
          <span key={t.id} data-testid={`group-metric-${group.id}-${t.id}`} data-mean={sum.metrics[i].mean} data-half={sum.metrics[i].half} data-n={sum.metrics[i].n}>
            {t.name} {fmtMetricPm(t, sum.metrics[i])}
          </span>
        ))}
      </td>
      <td>
        {sum.deltaM ? (
          <span
            className={`deltam ${sum.deltaM.mean >= 0 ? 'gain' : 'loss'}`}
            data-testid={`group-deltam-${group.id}`}
            data-mean={sum.deltaM.mean}
            data-half={sum.deltaM.half}
            data-n={sum.deltaM.n}
            title={`over ${sum.deltaM.n} seeds, each against the single-task baselines of the same seed`}
          >
            <strong>{fmtPm(sum.deltaM.mean, sum.deltaM.half, 2, '%')}</strong>
            <small>
              {group.tasks.map((t, i) => `${t.name} ${fmtPm(sum.perTaskDeltaM![i].mean, sum.perTaskDeltaM![i].half, 1, '%')}`).join(' · ')} · n = {sum.deltaM.n}
            </small>
          </span>
        ) : (
          <span className="hint">needs same-seed baselines</span>
        )}
      </td>
      <td className="run-actions">
        <button type="button" className="danger" data-testid={`group-delete-${group.id}`} title="Delete every seed run of this group (the baselines stay)" onClick={() => store.getState().deleteSeedGroup(group.id)}>
          Delete
        </button>
      </td>
    </tr>
  );
}
