/** One graph node on the canvas: kind, parameter summary, inferred shape, errors; handles by arity. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { coerceParams, nodeKind, outputCount, type GraphNode, type TaskSpec } from '../../model';
import { useApp } from '../../state';
import { useWarmCopy } from './WarmCopies';

export type MtlFlowNode = Node<{ nodeId: string }, 'mtl'>;

/** Short text of a node's parameters, e.g. "16 · relu": its kind's `summary` (empty when the kind has none). */
export function paramSummary(node: GraphNode, tasks: TaskSpec[]): string {
  return nodeKind(node.kind)?.summary?.(node.params, tasks) ?? '';
}

function MtlNodeView({ id, selected }: NodeProps<MtlFlowNode>) {
  // Test-only (e2e/startup.spec.ts): a node whose id a test put in this global fails to render; nothing sets it in the app.
  if (id === (globalThis as { __MTL_RENDER_FAULT__?: unknown }).__MTL_RENDER_FAULT__) throw new Error(`Injected render fault at node ${id}`);
  const node = useApp((s) => s.config.graph.nodes.find((n) => n.id === id));
  const tasks = useApp((s) => s.config.tasks);
  const shape = useApp((s) => s.analysis.shapes[id]);
  const outShapes = useApp((s) => s.analysis.outShapes[id]);
  const errors = useApp((s) => s.analysis.nodeErrors[id]);
  const warning = useApp((s) => s.analysis.warnings[id]);
  const warm = useWarmCopy(id);
  if (!node) return null;
  const spec = nodeKind(node.kind);
  const nOut = spec ? outputCount(spec, coerceParams(spec.params, node.params), { inputDim: 0, tasks }) : 0;
  const multi = !!spec?.outputs;
  const frozen = node.params.frozen === true;
  const cls = ['mtl-node', `cat-${spec?.category ?? 'unknown'}`, errors ? 'has-error' : '', selected ? 'selected' : ''].join(' ');
  return (
    <div
      className={cls}
      data-testid={`node-${id}`}
      data-kind={node.kind}
      data-frozen={frozen || undefined}
      title={spec?.description}
      style={multi ? { minHeight: 24 + 26 * nOut, paddingRight: 60 } : undefined}
    >
      {spec && spec.inputs !== 'none' && <Handle type="target" position={Position.Left} data-testid={`in-${id}`} />}
      <div className="mtl-node-title">
        {spec?.label ?? node.kind} <span className="mtl-node-id">{id}</span>
        {frozen && (
          <span className="mtl-node-frozen" data-testid={`frozen-${id}`} title="frozen: weights are not trained">
            {' '}
            🔒 frozen
          </span>
        )}
        {warm && (
          <span className="mtl-node-frozen" data-testid={`warm-${id}`} title="initialised from the warm-start source (same kind, parameters and input shape)">
            {' '}
            ↺ warm start
          </span>
        )}
      </div>
      <div className="mtl-node-params">{paramSummary(node, tasks)}</div>
      <div className="mtl-node-shape" data-testid={`shape-${id}`}>
        {shape ? `→ [${shape.join('×')}]${multi ? ` ×${nOut}` : ''}` : outShapes ? `→ ${outShapes.map((o) => `[${o.join('×')}]`).join(' ')}` : '→ ?'}
      </div>
      {errors && (
        <ul className="mtl-node-errors" data-testid={`errors-${id}`}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {!errors && warning && <div className="mtl-node-warning">{warning}</div>}
      {spec?.hasOutput && !multi && <Handle type="source" position={Position.Right} data-testid={`out-${id}`} />}
      {multi &&
        Array.from({ length: nOut }, (_, k) => {
          // One output per task, in task order (see PerTaskKind in src/model/nodes/spec.ts).
          const top = `${((k + 1) / (nOut + 1)) * 100}%`;
          return (
            <div key={k}>
              <span className="mtl-node-outlabel" style={{ position: 'absolute', right: 8, top, transform: 'translateY(-50%)' }}>
                {tasks[k]?.name ?? `out${k}`}
              </span>
              <Handle type="source" id={`out${k}`} position={Position.Right} style={{ top }} data-testid={`out-${id}-${k}`} />
            </div>
          );
        })}
    </div>
  );
}

export const MtlNode = memo(MtlNodeView);
