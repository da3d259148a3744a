/**
 * The node editor (@xyflow/react), controlled: nodes, edges, selection and measured sizes all come from the store,
 * and every React Flow change goes back as a store action (see flowView.ts). It subscribes to the graph, its
 * analysis and the ui selection only, so training ticks never re-render it.
 */
import { Background, Controls, getViewportForBounds, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { datasetInputDim, graphTemplate } from '../../model';
import { useApp, useAppStore, type AppStore } from '../../state';
import { edgeActions, flowEdges, flowNodes, isEmpty, nodeActions, type FlowNodeCache } from './flowView';
import { MtlNode, type MtlFlowNode } from './MtlNode';
import { DND_MIME, Palette } from './Palette';
import { WarmCopiesProvider } from './WarmCopies';

const nodeTypes = { mtl: MtlNode };

/** React Flow's nodes and edges, derived from the store. */
function useFlowElements() {
  const graphNodes = useApp((s) => s.config.graph.nodes);
  const graphEdges = useApp((s) => s.config.graph.edges);
  const edgeErrors = useApp((s) => s.analysis.edgeErrors);
  const selectedNodes = useApp((s) => s.selectedNodeIds);
  const selectedEdges = useApp((s) => s.selectedEdgeIds);
  const sizes = useApp((s) => s.nodeSizes);
  const cache = useRef<FlowNodeCache>(new Map());
  const nodes = useMemo(() => flowNodes(graphNodes, selectedNodes, sizes, cache.current), [graphNodes, selectedNodes, sizes]);
  const edges = useMemo(() => flowEdges(graphEdges, selectedEdges, edgeErrors), [graphEdges, selectedEdges, edgeErrors]);
  return { nodes, edges };
}

/** React Flow's change events as store actions. */
function useFlowHandlers(store: AppStore) {
  const onNodesChange = useCallback(
    (changes: NodeChange<MtlFlowNode>[]) => {
      const s = store.getState();
      const a = nodeActions(changes);
      if (!isEmpty(a.sizes)) s.setNodeSizes(a.sizes);
      if (!isEmpty(a.moves)) s.moveNodes(a.moves);
      if (!isEmpty(a.selected)) s.setSelected({ nodes: a.selected });
      if (a.removed.length) s.removeNodes(a.removed);
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const s = store.getState();
      const a = edgeActions(changes);
      if (!isEmpty(a.selected)) s.setSelected({ edges: a.selected });
      if (a.removed.length) s.removeEdges(a.removed);
    },
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => store.getState().connect({ source: c.source, target: c.target, sourceHandle: c.sourceHandle, targetHandle: c.targetHandle }),
    [store],
  );
  return { onNodesChange, onEdgesChange, onConnect };
}

/**
 * Lowest zoom a fit goes to: node text is at least 13 px in flow units (see the editor rules in theme.css), so at
 * this zoom it is at least 11 px on screen.
 */
export const READABLE_ZOOM = 0.85;
/** Screen pixels kept free around a graph that is larger than the view. */
const EDGE_PX = 16;

/**
 * Fit the graph in view, but never below READABLE_ZOOM: a graph that is then still wider (or taller) than the
 * view starts at its left (top) edge, where the Input is, and `wide` says so (the canvas shows a pan hint).
 */
function useReadableFit() {
  const rf = useReactFlow();
  const [wide, setWide] = useState(false);
  const fit = useCallback(() => {
    const el = document.querySelector('.editor-canvas');
    const nodes = rf.getNodes();
    if (!el || nodes.length === 0) return;
    const { width, height } = el.getBoundingClientRect();
    const b = rf.getNodesBounds(nodes);
    const vp = getViewportForBounds(b, width, height, READABLE_ZOOM, 1.25, 0.1);
    const tooWide = b.width * vp.zoom + 2 * EDGE_PX > width;
    const tooTall = b.height * vp.zoom + 2 * EDGE_PX > height;
    if (tooWide) vp.x = EDGE_PX - b.x * vp.zoom;
    if (tooTall) vp.y = EDGE_PX - b.y * vp.zoom;
    void rf.setViewport(vp);
    setWide(tooWide || tooTall);
  }, [rf]);
  // The first fit, once React Flow has measured the nodes.
  const measured = useNodesInitialized();
  const first = useRef(true);
  useEffect(() => {
    if (!measured || !first.current) return;
    first.current = false;
    fit();
  }, [measured, fit]);
  return { fit, wide, setWide };
}

/** Palette actions: drop a kind on the canvas, add one at the centre, or replace the graph with a template. */
function usePaletteActions(store: AppStore, fit: () => void) {
  const { screenToFlowPosition } = useReactFlow();
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(DND_MIME);
      if (!kind) return;
      e.preventDefault();
      store.getState().addNode(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [store, screenToFlowPosition],
  );
  const addAtCentre = useCallback(
    (kind: string) => {
      const el = document.querySelector('.editor-canvas')?.getBoundingClientRect();
      const p = el ? screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 }) : { x: 0, y: 0 };
      const jitter = store.getState().config.graph.nodes.length * 7;
      return store.getState().addNode(kind, { x: p.x + (jitter % 60), y: p.y + (jitter % 60) });
    },
    [store, screenToFlowPosition],
  );
  const applyTemplate = useCallback(
    (id: string) => {
      const tpl = graphTemplate(id);
      if (!tpl) return;
      store.getState().update((d) => {
        d.graph = tpl.build(d.tasks, datasetInputDim(d.dataset));
        // The warm-start choice named the old graph's nodes: choose the source again for this one.
        delete d.warmStart;
        // Runs are named after the experiment: say which architecture this is.
        d.name = `${d.tasks.length} tasks, ${tpl.label}`;
      });
      store.getState().select(null);
      // Fit once React Flow has measured the new nodes.
      setTimeout(fit, 50);
    },
    [store, fit],
  );
  return { onDrop, addAtCentre, applyTemplate };
}

/** Refit the view when the graph is replaced (a template, a dataset switch, an import, a link, undo of those): not on a single added or removed node. */
function useFitOnReplace(fit: () => void) {
  const ids = useApp((s) => s.config.graph.nodes.map((n) => n.id).join('\u0000'));
  const last = useRef<string[] | null>(null);
  useEffect(() => {
    const now = ids ? ids.split('\u0000') : [];
    const before = last.current;
    last.current = now;
    if (!before) return;
    const kept = now.filter((id) => before.includes(id)).length;
    const replaced = Math.max(now.length, before.length) - kept > 1;
    // Once React Flow has measured the new nodes.
    if (replaced) setTimeout(fit, 50);
  }, [ids, fit]);
}

function Canvas() {
  const store = useAppStore();
  const { fit, wide, setWide } = useReadableFit();
  useFitOnReplace(fit);
  const { nodes, edges } = useFlowElements();
  const { onNodesChange, onEdgesChange, onConnect } = useFlowHandlers(store);
  const { onDrop, addAtCentre, applyTemplate } = usePaletteActions(store, fit);
  return (
    <div className="editor">
      <Palette onAdd={addAtCentre} onTemplate={applyTemplate} />
      <div
        className="editor-canvas"
        data-testid="editor-canvas"
        data-wide={wide || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
        }}
        onDrop={onDrop}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          deleteKeyCode={['Backspace', 'Delete']}
          // The user moved the view: the pan hint has served.
          onMoveStart={(e) => e && setWide(false)}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
        </ReactFlow>
        {wide && (
          <p className="editor-wide-hint" data-testid="graph-wide-hint">
            Larger than the view at a readable size: drag the background to pan, scroll to zoom, or use the fit button (bottom left) to see it all.
          </p>
        )}
      </div>
    </div>
  );
}

/** The editor with its palette; needs the app store in context. */
export function GraphEditor() {
  return (
    <ReactFlowProvider>
      <WarmCopiesProvider>
        <Canvas />
      </WarmCopiesProvider>
    </ReactFlowProvider>
  );
}
