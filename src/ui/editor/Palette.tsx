/** The node palette: drag a kind onto the canvas (or click to add it). */
import { NODE_KINDS, TEMPLATES } from '../../model';
import { Hideable } from '../lessons/Hideable';

export const DND_MIME = 'application/x-mtl-node';

/** `onTemplate` replaces the whole graph with the template of that id. */
export function Palette({ onAdd, onTemplate }: { onAdd: (kind: string) => void; onTemplate: (id: string) => void }) {
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
      <h3>Nodes</h3>
      <p className="hint">Drag onto the canvas, or click to add.</p>
      {NODE_KINDS.map((k) => (
        <button
          key={k.kind}
          type="button"
          className={`palette-item cat-${k.category}`}
          draggable
          data-testid={`palette-${k.kind}`}
          title={k.description}
          onDragStart={(e) => {
            e.dataTransfer.setData(DND_MIME, k.kind);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => onAdd(k.kind)}
        >
          <strong>{k.label}</strong>
          <span>{k.description}</span>
        </button>
      ))}
      </div>
      </Hideable>
    </div>
  );
}
