/** Side panel: parameters, shape and problems of the selected node. */
import { coerceParams, nodeKind } from '../../model';
import { selectedNodeId, useApp } from '../../state';
import { ParamField } from './ParamField';
import { InspectionTable } from './InspectionTable';
import { SharingNote } from '../lessons/SharingNote';

export function Inspector() {
  const id = useApp(selectedNodeId);
  const node = useApp((s) => s.config.graph.nodes.find((n) => n.id === selectedNodeId(s)));
  const tasks = useApp((s) => s.config.tasks);
  const shape = useApp((s) => (id ? s.analysis.shapes[id] : null));
  const errors = useApp((s) => (id ? s.analysis.nodeErrors[id] : undefined));
  const setNodeParam = useApp((s) => s.setNodeParam);
  const removeNodes = useApp((s) => s.removeNodes);
  // Only this node's table: the inspector re-renders when it changes (≤ 4/s while training), the editor never.
  const inspected = useApp((s) => (id ? s.inspection?.nodes[id] : undefined));
  const inspectedStep = useApp((s) => s.inspection?.step ?? 0);
  const running = useApp((s) => s.status === 'running' || s.status === 'paused');
  if (!node || !id) {
    return (
      <section className="panel inspector" data-testid="inspector">
        <h3>Inspector</h3>
        <p className="hint">Select a node to edit it. Drag from a node's right handle to another's left handle to connect; select an edge or node and press Delete to remove it.</p>
        <SharingNote nodeId={null} />
      </section>
    );
  }
  const spec = nodeKind(node.kind);
  const params = spec ? coerceParams(spec.params, node.params) : {};
  return (
    <section className="panel inspector" data-testid="inspector">
      <h3>
        {spec?.label ?? node.kind} <code>{id}</code>
      </h3>
      <p className="hint">{spec?.description}</p>
      <SharingNote nodeId={id} />
      {spec?.params.map((p) => (
        <ParamField key={p.key} spec={p} value={params[p.key]} tasks={tasks} onChange={(v) => setNodeParam(id, p.key, v)} />
      ))}
      <p>
        Output shape: <code data-testid="inspector-shape">{shape ? `[batch, ${shape.join(', ')}]` : 'unknown'}</code>
      </p>
      {inspected && inspected.kind === node.kind && <InspectionTable table={inspected} step={inspectedStep} live={running} />}
      {errors && (
        <ul className="errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button type="button" className="danger" data-testid="delete-node" onClick={() => removeNodes([id])}>
        Delete node
      </button>
    </section>
  );
}
