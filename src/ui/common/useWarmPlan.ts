/** The chosen warm-start source, loaded, and its structural plan against the current experiment (panel and editor badges). */
import { useEffect, useMemo, useState } from 'react';
import { planWarmStart, warmCopies, type WarmStartPlan } from '../../model';
import { useApp, useAppStore, type WarmSource } from '../../state';

/** The source chosen in config.warmStart, loaded (null while loading or when absent). */
export function useWarmSource(runId: string | undefined): { source: WarmSource | null; loaded: boolean } {
  const store = useAppStore();
  const uploaded = useApp((s) => s.uploadedWeights);
  const hasWeights = useApp((s) => (runId ? !!s.runs.find((r) => r.id === runId)?.hasWeights : false));
  const [state, setState] = useState<{ id: string | undefined; source: WarmSource | null }>({ id: undefined, source: null });
  useEffect(() => {
    let live = true;
    if (!runId) return;
    void store
      .getState()
      .getWarmSource(runId)
      .then((source) => live && setState({ id: runId, source }));
    return () => {
      live = false;
    };
  }, [runId, store, uploaded, hasWeights]);
  return state.id === runId ? { source: state.source, loaded: true } : { source: null, loaded: false };
}

/** The loaded source and its plan (null without a source); `copies`: the target node ids the warm start will likely fill. */
export function useWarmPlan(): { source: WarmSource | null; loaded: boolean; plan: WarmStartPlan | null; copies: Set<string> } {
  const config = useApp((s) => s.config);
  const ws = config.warmStart;
  const { source, loaded } = useWarmSource(ws?.runId);
  const plan = useMemo(() => (source ? planWarmStart(source.config, source.weights, config) : null), [source, config]);
  const copies = useMemo(() => (plan && ws ? warmCopies(plan, ws.nodes) : new Set<string>()), [plan, ws]);
  return { source, loaded, plan, copies };
}
