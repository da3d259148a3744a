/** The toy landscape panel: collapsed until opened, then its view and the strategy driver load as one lazy chunk (no tfjs in it). */
import { lazy, Suspense, useState } from 'react';
import { useApp } from '../state';

const ToyLandscape = lazy(async () => {
  const [view, driver] = await Promise.all([import('../ui/charts/ToyLandscape'), import('../train/toyDriver')]);
  return { default: () => <view.ToyLandscape run={driver.createToyRun} /> };
});

/** A details panel; its body mounts (and the chunk loads) on first open. */
export function ToyPanel() {
  // An experiment that carries toy settings (a link) opens the panel on them.
  const hasToy = useApp((s) => s.config.toy !== undefined);
  const [open, setOpen] = useState(hasToy);
  return (
    <details className="panel toy-panel" data-testid="toy-panel" open={open || undefined} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h3>Toy landscape: every strategy on the two-objective problem of CAGrad, Nash-MTL and FAMO</h3>
      </summary>
      {open && (
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <ToyLandscape />
        </Suspense>
      )}
    </details>
  );
}
