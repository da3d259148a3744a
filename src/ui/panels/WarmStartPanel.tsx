/**
 * Warm start (initialise nodes from an earlier run's or an uploaded file's weights), the two-phase schedule, and
 * tfjs weights files (download a run's, upload some back as a warm-start source).
 */
import { useState } from 'react';
import { planWarmStart, shapesText, WARM_FILE_PREFIX, type ExperimentConfig, type WarmStartPlan } from '../../model';
import { readTfjsUpload, tfjsFiles, useApp, useAppStore, WEIGHTS_FILE } from '../../state';
import { useWarmPlan } from '../common/useWarmPlan';
import { NumberField } from './NumberField';
import { saveFile } from './DownloadLink';

export function WarmStartPanel() {
  const config = useApp((s) => s.config);
  const update = useApp((s) => s.update);
  const runs = useApp((s) => s.runs);
  const uploaded = useApp((s) => s.uploadedWeights);
  const store = useAppStore();
  const ws = config.warmStart;
  const withWeights = runs.filter((r) => r.hasWeights && r.status === 'done');
  const { source, loaded, plan } = useWarmPlan();
  const [uploadMsg, setUploadMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  /** Choose a source: this graph's nodes that a source node fits (by structure) are ticked. */
  const choose = async (runId: string) => {
    if (!runId) return update((d) => void delete d.warmStart);
    const src = await store.getState().getWarmSource(runId);
    const nodes = src ? planWarmStart(src.config, src.weights, store.getState().config).entries.filter((p) => p.likely).map((p) => p.nodeId) : [];
    update((d) => void (d.warmStart = { runId, runName: src?.name ?? runId, nodes }));
  };
  const toggleNode = (id: string, on: boolean) =>
    update((d) => {
      if (!d.warmStart) return;
      const rest = d.warmStart.nodes.filter((n) => n !== id);
      d.warmStart.nodes = on ? [...rest, id] : rest;
    });

  const onUpload = async (files: FileList | null) => {
    if (!files?.length) return;
    try {
      const src = await readTfjsUpload(Array.from(files));
      store.getState().setUploadedWeights(src);
      setUploadMsg({ kind: 'ok', text: `Loaded ${src.name}: ${src.weights.length} nodes with weights (kept in this tab’s memory only, never saved).` });
      await choose(WARM_FILE_PREFIX + src.name);
    } catch (e) {
      setUploadMsg({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const sourceValue = ws?.runId ?? '';
  const knownSource = !ws || withWeights.some((r) => r.id === ws.runId) || (uploaded && WARM_FILE_PREFIX + uploaded.name === ws.runId);
  return (
    <section className="panel warmstart-panel" data-testid="warmstart-panel">
      <h3>Warm start</h3>
      <label className="field">
        <span>Initialise from</span>
        <select data-testid="warmstart-source" value={sourceValue} onChange={(e) => void choose(e.target.value)}>
          <option value="">— nothing (fresh init) —</option>
          {withWeights.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
          {uploaded && <option value={WARM_FILE_PREFIX + uploaded.name}>{uploaded.name} (uploaded)</option>}
          {ws && !knownSource && <option value={ws.runId}>{ws.runName} (not in this browser)</option>}
        </select>
      </label>
      {ws && loaded && !source && (
        <p className="hint run-error" data-testid="warmstart-missing">
          “{ws.runName}” is not in this browser{ws.runId.startsWith(WARM_FILE_PREFIX) ? ' (uploaded weights live in memory only: upload them again)' : ''}: the run will train from scratch.
        </p>
      )}
      {ws && plan && <PlanList plan={plan} chosen={ws.nodes} onToggle={toggleNode} />}
      <WarmStartReport />
      <TfjsFiles onUpload={onUpload} uploadMsg={uploadMsg} />
      <ScheduleSection config={config} />
    </section>
  );
}

/** Per node of this graph: the source node it takes (ticked = copy), and the source nodes nothing takes. */
function PlanList({ plan, chosen, onToggle }: { plan: WarmStartPlan; chosen: readonly string[]; onToggle: (id: string, on: boolean) => void }) {
  return (
    <ul className="warmstart-nodes" data-testid="warmstart-nodes">
      {plan.entries.map((p) => (
        <li key={p.nodeId} data-likely={p.likely} data-from={p.from ?? ''} data-testid={`warmstart-plan-${p.nodeId}`}>
          <label title={p.reason || 'same kind, parameters and input shape'}>
            <input
              type="checkbox"
              data-testid={`warmstart-node-${p.nodeId}`}
              disabled={p.from === null}
              checked={p.from !== null && chosen.includes(p.nodeId)}
              onChange={(e) => onToggle(p.nodeId, e.target.checked)}
            />{' '}
            <code>{p.nodeId}</code> {p.kind}
            {p.from !== null && (
              <>
                {' '}
                ← <code>{p.from}</code> {shapesText(p.shapes)}
              </>
            )}
            {!p.likely && <em className="hint"> — {p.reason}</em>}
          </label>
        </li>
      ))}
      {plan.unused.map((u) => (
        <li key={`unused-${u.nodeId}`} className="hint" data-testid={`warmstart-unused-${u.nodeId}`}>
          source <code>{u.nodeId}</code> {u.kind} {shapesText(u.shapes)}: not used (no node here has its kind, parameters and input shape)
        </li>
      ))}
    </ul>
  );
}

/** What the live (or last) run's warm start did, per node. */
function WarmStartReport() {
  const ws = useApp((s) => s.warmStart);
  if (!ws) return null;
  const copied = ws.report.filter((r) => r.status === 'copied').length;
  return (
    <div className="warmstart-report" data-testid="warmstart-report" data-copied={copied} data-entries={ws.report.length}>
      <strong>Last run’s warm start</strong> from “{ws.source}”{ws.report.length ? `: ${copied} of ${ws.report.length} nodes copied` : ''}
      {ws.note && (
        <p className="hint" data-testid="warmstart-note">
          {ws.note}
        </p>
      )}
      <ul>
        {ws.report.map((r) => (
          <li key={r.nodeId} data-testid={`warmstart-entry-${r.nodeId}`} data-status={r.status} data-from={r.from ?? r.nodeId}>
            <code>{r.nodeId}</code>
            {r.from && r.from !== r.nodeId && (
              <>
                {' '}
                ← <code>{r.from}</code>
              </>
            )}
            : {r.status === 'copied' ? r.detail : r.status === 'missing' ? 'not in this graph' : r.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Download a finished run's weights as tfjs files; upload such files as a warm-start source. */
function TfjsFiles({ onUpload, uploadMsg }: { onUpload: (f: FileList | null) => void; uploadMsg: { kind: 'ok' | 'error'; text: string } | null }) {
  const runs = useApp((s) => s.runs);
  const store = useAppStore();
  const withWeights = runs.filter((r) => r.hasWeights && r.status === 'done');
  const [pick, setPick] = useState('');
  const runId = withWeights.some((r) => r.id === pick) ? pick : (withWeights[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (what: 'json' | 'bin') => {
    setError(null);
    const run = withWeights.find((r) => r.id === runId);
    const w = run ? await store.getState().getRunWeights(run.id) : null;
    if (!run || !w) return setError('This run’s weights are no longer stored.');
    const { modelJson, bin } = tfjsFiles(run.config, w.weights);
    if (what === 'json') saveFile('model.json', modelJson, 'application/json');
    else saveFile(WEIGHTS_FILE, bin as Uint8Array<ArrayBuffer>, 'application/octet-stream');
  };
  return (
    <div className="tfjs-files">
      <h4>TensorFlow.js weights</h4>
      {withWeights.length > 0 ? (
        <div className="field">
          <select data-testid="tfjs-export-run" value={runId} onChange={(e) => setPick(e.target.value)} aria-label="Run to download">
            {withWeights.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <button type="button" data-testid="download-model-json" onClick={() => void save('json')} title="The experiment and the tf.io weights manifest">
            model.json
          </button>
          <button type="button" data-testid="download-weights-bin" onClick={() => void save('bin')} title="Every tensor as little-endian float32, in manifest order">
            {WEIGHTS_FILE}
          </button>
        </div>
      ) : (
        <p className="hint">Finish a run to download its weights.</p>
      )}
      {error && <p className="run-error">{error}</p>}
      <label className="field">
        <span>Upload model.json + {WEIGHTS_FILE}</span>
        <input type="file" multiple accept=".json,.bin,application/json,application/octet-stream" data-testid="tfjs-upload" onChange={(e) => void onUpload(e.target.files)} />
      </label>
      {uploadMsg && (
        <p className={uploadMsg.kind === 'error' ? 'run-error' : 'hint'} data-testid={uploadMsg.kind === 'error' ? 'tfjs-upload-error' : 'tfjs-upload-ok'}>
          {uploadMsg.text}
        </p>
      )}
    </div>
  );
}

/** Two-phase schedule: phase 1 trains only some tasks; phase 2 trains all of them with some nodes frozen. */
function ScheduleSection({ config }: { config: ExperimentConfig }) {
  const update = useApp((s) => s.update);
  const sch = config.schedule;
  const freezable = config.graph.nodes.filter((n) => n.kind !== 'input');
  const toggle = (list: 'phase1Tasks' | 'freezeInPhase2', id: string, on: boolean) =>
    update((d) => {
      if (!d.schedule) return;
      const rest = d.schedule[list].filter((x) => x !== id);
      d.schedule[list] = on ? [...rest, id] : rest;
    });
  return (
    <div className="schedule" data-testid="schedule-section">
      <h4>
        <label>
          <input
            type="checkbox"
            data-testid="schedule-on"
            checked={!!sch}
            onChange={(e) =>
              update((d) => {
                if (e.target.checked) d.schedule = { phase1Steps: Math.max(1, Math.floor(d.optimizer.steps / 2)), phase1Tasks: d.tasks.slice(0, 1).map((t) => t.id), freezeInPhase2: [] };
                else delete d.schedule;
              })
            }
          />{' '}
          Two-phase schedule
        </label>
      </h4>
      {sch && (
        <>
          <NumberField label="Phase 1 steps" testId="schedule-steps" integer value={sch.phase1Steps} min={0} max={1_000_000} onCommit={(v) => update((d) => void (d.schedule && (d.schedule.phase1Steps = v)))} />
          <div className="field">
            <span>Phase 1 trains</span>
            {config.tasks.map((t) => (
              <label key={t.id}>
                <input type="checkbox" data-testid={`schedule-task-${t.id}`} checked={sch.phase1Tasks.includes(t.id)} onChange={(e) => toggle('phase1Tasks', t.id, e.target.checked)} /> {t.name}
              </label>
            ))}
          </div>
          {sch.phase1Tasks.filter((id) => config.tasks.some((t) => t.id === id)).length === 0 && <p className="run-error">Phase 1 needs at least one task.</p>}
          <div className="field">
            <span>Freeze in phase 2</span>
            {freezable.map((n) => (
              <label key={n.id}>
                <input type="checkbox" data-testid={`schedule-freeze-${n.id}`} checked={sch.freezeInPhase2.includes(n.id)} onChange={(e) => toggle('freezeInPhase2', n.id, e.target.checked)} /> {n.id}
              </label>
            ))}
          </div>
          <p className="hint">
            Steps below {sch.phase1Steps}: only the ticked tasks’ losses count (the others’ weight is 0, also for gradient methods). From step {sch.phase1Steps}: every task, the frozen nodes stop
            updating, and the optimiser starts afresh.
          </p>
        </>
      )}
    </div>
  );
}
