/**
 * Studies: sweep one knob over values × arms (graph templates and/or strategies) × seeds, trained in a pool of
 * workers; progress with time left, Cancel, Resume of an interrupted study, the stored studies, a study link, and the
 * one-click showcase "Does sharing help?". The results (chart, table, CSV, PNG) are in StudyResults.
 */
import { useMemo, useState } from 'react';
import { armLabel, MAX_SEEDS, MAX_STUDY_ARMS, TEMPLATES, WEIGHTINGS, type StudyArm, type StudyConfig } from '../../model';
import { checkStudyKnob, planStudy, studyHash, studyKnobs, useApp } from '../../state';
import { StudyResults } from './StudyResults';

/** Seconds as "1 min 05 s" or "12 s". */
export function fmtSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** "0, 0.2, 0.4" → numbers; null when some entry is not a number. */
export function parseValues(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const xs = parts.map(Number);
  return parts.length && xs.every(Number.isFinite) ? xs : null;
}

function ArmsEditor({ draft, update }: { draft: StudyConfig; update: (d: Partial<StudyConfig>) => void }) {
  const [tpl, setTpl] = useState('');
  const [strategy, setStrategy] = useState('');
  const add = () => {
    const arm: StudyArm = { ...(tpl ? { template: tpl } : {}), ...(strategy ? { weighting: strategy } : {}) };
    update({ arms: [...draft.arms, arm].slice(0, MAX_STUDY_ARMS) });
  };
  return (
    <div className="study-arms">
      <span>Arms</span>
      <ul data-testid="study-arms">
        {draft.arms.map((a, i) => (
          <li key={i}>
            {armLabel(a)}{' '}
            <button type="button" aria-label={`Remove arm ${armLabel(a)}`} disabled={draft.arms.length < 2} onClick={() => update({ arms: draft.arms.filter((_, j) => j !== i) })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <select aria-label="Arm graph template" data-testid="study-arm-template" value={tpl} onChange={(e) => setTpl(e.target.value)}>
        <option value="">experiment’s graph</option>
        {TEMPLATES.map((t) => (
          <option key={t.id} value={t.id}>{t.label}</option>
        ))}
      </select>
      <select aria-label="Arm strategy" data-testid="study-arm-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value)}>
        <option value="">experiment’s strategy</option>
        {WEIGHTINGS.map((w) => (
          <option key={w.id} value={w.id}>{w.label}</option>
        ))}
      </select>
      <button type="button" data-testid="study-arm-add" onClick={add} disabled={draft.arms.length >= MAX_STUDY_ARMS}>Add arm</button>
    </div>
  );
}

function StudySetup({ draft }: { draft: StudyConfig }) {
  const setDraft = useApp((s) => s.setStudyDraft);
  const runStudy = useApp((s) => s.runStudy);
  const busy = useApp((s) => s.studyProgress !== null);
  const knobs = useMemo(() => studyKnobs(draft.base), [draft.base]);
  const [valuesText, setValuesText] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const update = (d: Partial<StudyConfig>) => {
    setLink(null);
    setDraft({ ...draft, ...d });
  };
  const checked = checkStudyKnob(draft);
  const plan = checked.ok ? planStudy(draft, checked.knob.int) : null;
  const problem = !checked.ok ? checked.error : plan && !plan.ok ? plan.error : valuesText !== null && !parseValues(valuesText) ? 'Values: a list of numbers, e.g. 0, 0.5, 1.' : null;
  return (
    <div className="study-setup" data-testid="study-setup">
      <label className="inline-field">
        <span>Knob</span>
        <select data-testid="study-knob" value={draft.knob} onChange={(e) => update({ knob: e.target.value })}>
          {knobs.map((k) => (
            <option key={k.id} value={k.id}>{k.label} ({k.min}–{k.max})</option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Values</span>
        <input
          data-testid="study-values"
          value={valuesText ?? draft.values.join(', ')}
          onChange={(e) => {
            setValuesText(e.target.value);
            const xs = parseValues(e.target.value);
            if (xs) update({ values: xs.slice(0, 20) });
          }}
          onBlur={() => setValuesText(null)}
        />
      </label>
      <ArmsEditor draft={draft} update={update} />
      <label className="inline-field">
        <span>Seeds</span>
        <input type="number" data-testid="study-seeds" min={1} max={MAX_SEEDS} value={draft.seeds.count} onChange={(e) => update({ seeds: { ...draft.seeds, count: Math.max(1, Math.min(MAX_SEEDS, Math.round(Number(e.target.value) || 1))) } })} />
      </label>
      <label className="inline-field">
        <span>Plot</span>
        <select data-testid="study-metric" value={draft.metric.kind === 'task' ? draft.metric.taskId : ''} onChange={(e) => update({ metric: e.target.value ? { kind: 'task', taskId: e.target.value } : { kind: 'deltaM' } })}>
          <option value="">Δm%</option>
          {draft.base.tasks.map((t) => (
            <option key={t.id} value={t.id}>{t.name || t.id} {t.kind === 'regression' ? 'RMSE' : 'accuracy'}</option>
          ))}
        </select>
      </label>
      <p className="hint" data-testid="study-plan" data-runs={plan?.ok ? plan.runs.length : 0}>
        {problem ?? (plan?.ok ? `${draft.values.length} values × ${draft.arms.length} arms × ${draft.seeds.count} seeds: ${plan.runs.length} trainings with the single-task baselines.` : '')}
      </p>
      <div className="study-actions">
        <button type="button" data-testid="study-run" disabled={!!problem || busy} onClick={runStudy}>Run study</button>
        <button type="button" data-testid="study-share" onClick={() => setLink(window.location.href.split('#')[0] + studyHash(draft))}>Study link</button>
      </div>
      {link && <input readOnly className="share-url" data-testid="study-link" value={link} onFocus={(e) => e.currentTarget.select()} aria-label="Study link" />}
    </div>
  );
}

function StudyProgressLine() {
  const p = useApp((s) => s.studyProgress);
  const cancel = useApp((s) => s.cancelStudy);
  if (!p) return null;
  return (
    <p className="hint study-progress" data-testid="study-progress" data-done={p.done} data-total={p.total}>
      Trained {p.done} of {p.total}
      {p.failed ? ` (${p.failed} failed)` : ''} in {p.workers} workers · {fmtSeconds(p.elapsedMs)} so far{p.leftMs !== null ? ` · about ${fmtSeconds(p.leftMs)} left` : ''}{' '}
      <button type="button" data-testid="study-cancel" onClick={cancel}>Cancel</button>
    </p>
  );
}

function StoredStudies() {
  const studies = useApp((s) => s.studies);
  const openId = useApp((s) => s.openStudyId);
  const openStudy = useApp((s) => s.openStudy);
  const resumeStudy = useApp((s) => s.resumeStudy);
  const deleteStudy = useApp((s) => s.deleteStudy);
  const busy = useApp((s) => s.studyProgress?.studyId ?? null);
  const open = studies.find((s) => s.id === openId);
  if (!studies.length) return null;
  return (
    <div className="study-list">
      <label className="inline-field">
        <span>Study</span>
        <select data-testid="study-list" value={openId ?? ''} onChange={(e) => openStudy(e.target.value)}>
          {studies.map((s) => (
            <option key={s.id} value={s.id}>{s.config.name} · {new Date(s.createdAt).toLocaleString()} · {s.status}</option>
          ))}
        </select>
      </label>
      {open && (
        <span data-testid="study-status" data-status={open.status}>
          {open.status === 'interrupted' ? 'Interrupted: the tab closed while it ran. Its finished runs are kept. ' : open.status === 'stopped' ? 'Stopped before it finished. ' : ''}
          {open.status !== 'done' && busy !== open.id && (
            <button type="button" data-testid="study-resume" onClick={() => resumeStudy(open.id)}>Resume</button>
          )}{' '}
          <button type="button" data-testid="study-delete" onClick={() => deleteStudy(open.id)}>Delete</button>
        </span>
      )}
    </div>
  );
}

export function StudyPanel() {
  const draft = useApp((s) => s.studyDraft);
  const draftFromExperiment = useApp((s) => s.draftFromExperiment);
  const runShowcase = useApp((s) => s.runShowcase);
  const busy = useApp((s) => s.studyProgress !== null);
  return (
    <section className="panel study-panel" data-testid="study-panel">
      <div className="runs-head">
        <h3>Studies</h3>
        <button type="button" data-testid="study-showcase" disabled={busy} onClick={runShowcase} title="Relatedness 0 … 1 × {hard sharing, single-task towers, MMoE} × 5 seeds, Δm% against same-seed baselines">
          Does sharing help?
        </button>
        <button type="button" data-testid="study-from-experiment" onClick={draftFromExperiment}>New study of this experiment</button>
      </div>
      {draft ? <StudySetup draft={draft} /> : <p className="hint">Sweep a knob of this experiment over values, arms and seeds, or run the showcase.</p>}
      <StudyProgressLine />
      <StoredStudies />
      <StudyResults />
    </section>
  );
}
