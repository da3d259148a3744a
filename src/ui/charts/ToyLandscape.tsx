/**
 * The toy optimisation landscape of CAGrad, Nash-MTL and FAMO: pick strategies and watch each one's trajectory on
 * the contours of both objectives and in loss space, against the Pareto set and front. A click on the contours
 * sets a new start. The runs come from `run` (the composition root hands in the driver, which calls the same
 * strategy code as training).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { defaultParams, TOY_BOUNDS, TOY_STARTS, weightingSpec, WEIGHTINGS, type ParamValue, type ToyRun, type ToyRunner } from '../../model';
import { useApp } from '../../state';
import { ParamField } from '../panels/ParamField';
import { drawLosses, drawPlane, planeMap, type Trace } from './toyDraw';

const SIZE = 340;
/** Main-thread time per animation frame spent stepping the runs, in ms (the rest of the frame stays the page's). */
const FRAME_BUDGET_MS = 12;
const LRS = [0.001, 0.003, 0.01, 0.03];
const STEP_CHOICES = [1000, 3000, 10000, 30000];

interface Settings {
  start: [number, number];
  lr: number;
  steps: number;
  optimiser: 'adam' | 'sgd';
}

/** Saturated trajectory colours, none close to the contours' pale blue and orange. */
export const TOY_COLOURS = ['#d1453b', '#1f9d55', '#b5179e', '#8c6d1f', '#0fa3b1', '#222222', '#e6a100', '#5a3fd1', '#1d4ed8', '#c2410c', '#6b7280', '#65a30d'];
const colourOf = (id: string) => TOY_COLOURS[Math.max(0, WEIGHTINGS.findIndex((w) => w.id === id)) % TOY_COLOURS.length];

type ParamsById = Record<string, Record<string, ParamValue>>;

/**
 * One run per picked strategy for these settings and its params (a changed param restarts that run), advanced within
 * a per-frame time budget until `steps`. `tick` counts redraws.
 */
function useToyRuns(run: ToyRunner, picked: string[], params: ParamsById, s: Settings): { runs: Map<string, ToyRun>; tick: number } {
  // A new start, optimiser or length starts every run afresh; a newly ticked strategy adds one run.
  const held = useMemo(() => new Map<string, { run: ToyRun; key: string }>(), [run, s.start, s.lr, s.optimiser, s.steps]);
  for (const id of picked) {
    const key = JSON.stringify(params[id] ?? {});
    if (held.get(id)?.key !== key) held.set(id, { run: run({ kind: id, params: params[id], start: s.start, lr: s.lr, optimiser: s.optimiser, seed: 1 }), key });
  }
  for (const id of [...held.keys()]) if (!picked.includes(id)) held.delete(id);
  const runs = new Map([...held].map(([id, h]) => [id, h.run]));
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let frame = 0;
    const loop = () => {
      const t0 = performance.now();
      const open = [...held.values()].map((h) => h.run).filter((r) => r.steps < s.steps && !r.error);
      // round-robin small chunks so a slow strategy does not hold the others back
      while (open.length && performance.now() - t0 < FRAME_BUDGET_MS)
        for (const r of open) r.advance(Math.min(50, s.steps - r.steps));
      setTick((k) => k + 1);
      if (open.some((r) => r.steps < s.steps && !r.error)) frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [held, picked, params, s.steps]);
  return { runs, tick };
}

/** Strategy checkboxes, starts and optimiser settings. */
function Controls({ picked, setPicked, s, set }: { picked: string[]; setPicked: (p: string[]) => void; s: Settings; set: (p: Partial<Settings>) => void }) {
  return (
    <div className="toy-controls">
      <div className="check-list" data-testid="toy-strategies">
        {WEIGHTINGS.map((w) => (
          <label key={w.id} title={w.description} style={{ color: colourOf(w.id) }}>
            <input type="checkbox" data-testid={`toy-pick-${w.id}`} checked={picked.includes(w.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, w.id] : picked.filter((x) => x !== w.id))} /> {w.label}
          </label>
        ))}
      </div>
      <div className="toy-row">
        {TOY_STARTS.map((p, i) => (
          <button key={i} data-testid={`toy-start-${i}`} onClick={() => set({ start: [p[0], p[1]] })}>
            Start {i + 1} ({p[0]}, {p[1]})
          </button>
        ))}
      </div>
      <div className="toy-row">
        <label>
          Optimiser{' '}
          <select data-testid="toy-optimiser" value={s.optimiser} onChange={(e) => set({ optimiser: e.target.value as Settings['optimiser'] })}>
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
        <label>
          lr{' '}
          <select data-testid="toy-lr" value={s.lr} onChange={(e) => set({ lr: Number(e.target.value) })}>
            {LRS.map((v) => (
              <option key={v} value={v}>
                {v}
                {v === 0.001 ? ' (papers)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Steps{' '}
          <select data-testid="toy-steps" value={s.steps} onChange={(e) => set({ steps: Number(e.target.value) })}>
            {STEP_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}

/** A picked strategy's params (its registry ParamSpecs, defaults until changed). */
function StrategyParams({ id, values, onChange }: { id: string; values: Record<string, ParamValue> | undefined; onChange: (v: Record<string, ParamValue>) => void }) {
  const spec = WEIGHTINGS.find((w) => w.id === id);
  if (!spec?.params.length) return null;
  const cur = values ?? defaultParams(spec.params);
  return (
    <span className="toy-params">
      {spec.params.map((p) => (
        <ParamField key={p.key} spec={p} value={cur[p.key]} tasks={[]} testId={`toy-param-${id}-${p.key}`} onChange={(v) => onChange({ ...cur, [p.key]: v })} />
      ))}
    </span>
  );
}

/** The toy landscape panel's body. */
export function ToyLandscape({ run }: { run: ToyRunner }) {
  // The picks and the start live in the experiment (config.toy), so a share link carries them; the panel starts from them.
  const saved = useApp((st) => st.config.toy);
  const update = useApp((st) => st.update);
  const [picked, setPicked] = useState<string[]>(() => (saved?.strategies ?? []).filter((id) => weightingSpec(id)));
  const [s, setS] = useState<Settings>({ start: saved ? [saved.start[0], saved.start[1]] : ([...TOY_STARTS[0]] as [number, number]), lr: 0.01, steps: 3000, optimiser: 'adam' });
  useEffect(() => {
    const same = saved && saved.start[0] === s.start[0] && saved.start[1] === s.start[1] && saved.strategies.join() === picked.join();
    const untouched = !saved && picked.length === 0 && s.start[0] === TOY_STARTS[0][0] && s.start[1] === TOY_STARTS[0][1];
    if (!same && !untouched) update((d) => void (d.toy = { strategies: [...picked], start: [s.start[0], s.start[1]] }));
    // Only the user's picks and start are written; `saved` follows them.
  }, [picked, s.start]);
  const set = (p: Partial<Settings>) => setS((old) => ({ ...old, ...p }));
  const [params, setParams] = useState<ParamsById>({});
  const { runs } = useToyRuns(run, picked, params, s);
  const plane = useRef<HTMLCanvasElement>(null);
  const loss = useRef<HTMLCanvasElement>(null);
  // After every render: each animation tick re-renders with the runs' new steps.
  useEffect(() => {
    const entries = [...runs.entries()];
    const pc = plane.current?.getContext('2d');
    const lc = loss.current?.getContext('2d');
    if (pc) drawPlane(pc, SIZE, TOY_STARTS, s.start, entries.map(([id, r]): Trace => ({ colour: colourOf(id), points: r.path })));
    if (lc) drawLosses(lc, SIZE, entries.map(([id, r]): Trace => ({ colour: colourOf(id), points: r.losses })));
  });
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const [x1, x2] = planeMap(SIZE, TOY_BOUNDS.x1, TOY_BOUNDS.x2).fromPx(((e.clientX - box.left) / box.width) * SIZE, ((e.clientY - box.top) / box.height) * SIZE);
    set({ start: [Math.round(x1 * 100) / 100, Math.round(x2 * 100) / 100] });
  };
  return (
    <div className="toy-landscape" data-testid="toy-landscape">
      <Controls picked={picked} setPicked={setPicked} s={s} set={set} />
      <p className="hint" data-testid="toy-start">
        Start ({s.start[0].toFixed(2)}, {s.start[1].toFixed(2)}): click the contours to move it.
        {picked.length === 0 && ' Tick strategies to run them.'}
      </p>
      <div className="toy-plots">
        <figure>
          <canvas ref={plane} width={SIZE} height={SIZE} data-testid="toy-plane" onClick={onClick} aria-label="Contours of f1 (blue) and f2 (orange) over the parameters, the Pareto set in grey, and each strategy's path" />
          <figcaption>Parameters x1 → x2 ↑ in [−10, 10]²: contours of f1 (blue) and f2 (orange), Pareto set (grey)</figcaption>
        </figure>
        <figure>
          <canvas ref={loss} width={SIZE} height={SIZE} data-testid="toy-losses" aria-label="Each strategy's path in loss space, L1 against L2, with the Pareto front in grey" />
          <figcaption>Loss space: L1 → against L2 ↑, Pareto front (grey)</figcaption>
        </figure>
      </div>
      <table className="tab-summary" data-testid="toy-table">
        <tbody>
          {[...runs.entries()].map(([id, r]) => {
            const n = r.path.length;
            return (
              <tr key={id} data-testid={`toy-status-${id}`} data-steps={r.steps} style={{ color: colourOf(id) }}>
                <td>{WEIGHTINGS.find((w) => w.id === id)?.label ?? id}</td>
                <td>{r.error ? `failed: ${r.error}` : `${r.steps} / ${s.steps} steps`}</td>
                <td>
                  x = ({r.path[n - 2].toFixed(2)}, {r.path[n - 1].toFixed(2)})
                </td>
                <td>
                  L = ({r.losses[n - 2].toFixed(2)}, {r.losses[n - 1].toFixed(2)})
                </td>
                <td>
                  <StrategyParams id={id} values={params[id]} onChange={(v) => setParams((p) => ({ ...p, [id]: v }))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Each strategy runs through the app's own strategy code on the two objectives of Liu et al. (CAGrad, 2021), both over the same two parameters; the optimiser applies Σ αᵢ∇fᵢ. Strategies that read losses see fᵢ + 21 (positive, as in FAMO's toy); every step is one
        full-batch epoch.
      </p>
    </div>
  );
}
