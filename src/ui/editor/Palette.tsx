/** The node palette: drag a kind onto the canvas, click it, or reach it by keyboard (Tab, arrows, Enter/Space). */
import { useRef, useState, type KeyboardEvent } from 'react';
import { NODE_KINDS, TEMPLATES } from '../../model';
import { Hideable } from '../lessons/Hideable';

export const DND_MIME = 'application/x-mtl-node';

/** The palette index a navigation key moves to from `i` among `n` items (wrapping); null for other keys. */
export function paletteStep(key: string, i: number, n: number): number | null {
  if (key === 'ArrowDown' || key === 'ArrowRight') return (i + 1) % n;
  if (key === 'ArrowUp' || key === 'ArrowLeft') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/** `onAdd` adds a node of that kind (at the canvas centre) and returns its id; `onTemplate` replaces the whole graph with the template of that id. */
export function Palette({ onAdd, onTemplate }: { onAdd: (kind: string) => string; onTemplate: (id: string) => void }) {
  // One tab stop for the whole list (roving tabindex): Tab enters and leaves it, the arrows move inside.
  const [current, setCurrent] = useState(0);
  const [said, setSaid] = useState('');
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const next = paletteStep(e.key, i, NODE_KINDS.length);
    if (next === null) return;
    e.preventDefault();
    setCurrent(next);
    items.current[next]?.focus();
  };
  const add = (label: string, kind: string) => setSaid(`Added ${label} (${onAdd(kind)}).`);
  return (
    <div className="palette" aria-label="Node palette">
      <Hideable k="templates">
      <h3>Templates</h3>
      <select
        data-testid="template"
        aria-label="Replace the graph with a template"
        value=""
        title="Replaces the current graph"
        onChange={(e) => {
          if (e.target.value) onTemplate(e.target.value);
        }}
      >
        <option value="">Start from a template…</option>
        {TEMPLATES.map((t) => (
          <option key={t.id} value={t.id} title={t.description} data-testid={`template-${t.id}`}>
            {t.label}
          </option>
        ))}
      </select>
      </Hideable>
      <Hideable k="palette">
      <div data-testid="palette-nodes" style={{ display: 'contents' }}>
      <h3 id="palette-nodes">Nodes</h3>
      <p className="hint">Drag onto the canvas, or click to add. Keyboard: Tab here, arrows to move, Enter to add.</p>
      <div role="toolbar" aria-orientation="vertical" aria-labelledby="palette-nodes" className="palette-list" data-testid="palette-list">
        {NODE_KINDS.map((k, i) => (
          <button
            key={k.kind}
            ref={(el) => void (items.current[i] = el)}
            type="button"
            className={`palette-item cat-${k.category}`}
            draggable
            tabIndex={i === current ? 0 : -1}
            data-testid={`palette-${k.kind}`}
            title={k.description}
            onDragStart={(e) => {
              e.dataTransfer.setData(DND_MIME, k.kind);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onFocus={() => setCurrent(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            onClick={() => add(k.label, k.kind)}
          >
            <strong>{k.label}</strong>
            <span>{k.description}</span>
          </button>
        ))}
      </div>
      <p className="sr-only" role="status" data-testid="palette-status">
        {said}
      </p>
      </div>
      </Hideable>
    </div>
  );
}
