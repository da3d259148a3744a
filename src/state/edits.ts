/**
 * The experiment edits behind the store's graph actions, as pure functions (config in, config out; the input is
 * never changed). An edit that changes nothing returns its input, so the store can skip the commit.
 */
import { makeNode, type ExperimentConfig, type GraphEdge, type XY } from '../model';

/** `${prefix}1`, `${prefix}2`, … : the first not in `taken`. */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** A deep copy of `cfg` changed by `fn` (which may mutate its argument freely). */
export function edited(cfg: ExperimentConfig, fn: (draft: ExperimentConfig) => void): ExperimentConfig {
  const draft = structuredClone(cfg);
  fn(draft);
  return draft;
}

/** A new node of `kind` at `position` (flow coordinates), id `${kind}n`; a new head takes the first task without a head. */
export function withNode(cfg: ExperimentConfig, kind: string, position: XY): { config: ExperimentConfig; id: string } {
  const id = uniqueId(kind, new Set(cfg.graph.nodes.map((n) => n.id)));
  const config = edited(cfg, (d) => {
    const node = makeNode(id, kind, position.x, position.y);
    if (kind === 'head') {
      const used = new Set(d.graph.nodes.filter((n) => n.kind === 'head').map((n) => n.params.taskId));
      node.params.taskId = d.tasks.find((t) => !used.has(t.id))?.id ?? d.tasks[0].id;
    }
    d.graph.nodes.push(node);
  });
  return { config, id };
}

/** Without the nodes `ids` and every edge touching them. */
export function withoutNodes(cfg: ExperimentConfig, ids: readonly string[]): ExperimentConfig {
  const gone = new Set(ids);
  if (!cfg.graph.nodes.some((n) => gone.has(n.id))) return cfg;
  return edited(cfg, (d) => {
    d.graph.nodes = d.graph.nodes.filter((n) => !gone.has(n.id));
    d.graph.edges = d.graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  });
}

/** Nodes moved to `positions` (by id); every other node, edge and field is shared with `cfg` (a drag edits this on every frame). */
export function withNodesAt(cfg: ExperimentConfig, positions: Readonly<Record<string, XY>>): ExperimentConfig {
  if (!cfg.graph.nodes.some((n) => Object.hasOwn(positions, n.id))) return cfg;
  const nodes = cfg.graph.nodes.map((n) => {
    const p = Object.hasOwn(positions, n.id) ? positions[n.id] : null;
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
  return { ...cfg, graph: { ...cfg.graph, nodes } };
}

/** Node `id` with params[key] = value (unchanged when there is no such node). */
export function withNodeParam(cfg: ExperimentConfig, id: string, key: string, value: number | string | boolean): ExperimentConfig {
  if (!cfg.graph.nodes.some((n) => n.id === id)) return cfg;
  return edited(cfg, (d) => {
    const n = d.graph.nodes.find((x) => x.id === id)!;
    n.params[key] = value;
  });
}

const sameEnds = (a: Omit<GraphEdge, 'id'>, b: Omit<GraphEdge, 'id'>) =>
  a.source === b.source && a.target === b.target && (a.sourceHandle ?? null) === (b.sourceHandle ?? null) && (a.targetHandle ?? null) === (b.targetHandle ?? null);

/** With an edge between these handles, id `e_${source}_${target}_n`; unchanged when the same edge exists. */
export function withEdge(cfg: ExperimentConfig, edge: Omit<GraphEdge, 'id'>): ExperimentConfig {
  if (cfg.graph.edges.some((e) => sameEnds(e, edge))) return cfg;
  return edited(cfg, (d) => {
    const id = uniqueId(`e_${edge.source}_${edge.target}_`, new Set(d.graph.edges.map((e) => e.id)));
    d.graph.edges.push({ id, source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? null, targetHandle: edge.targetHandle ?? null });
  });
}

/** Without the edges `ids`. */
export function withoutEdges(cfg: ExperimentConfig, ids: readonly string[]): ExperimentConfig {
  const gone = new Set(ids);
  if (!cfg.graph.edges.some((e) => gone.has(e.id))) return cfg;
  return edited(cfg, (d) => {
    d.graph.edges = d.graph.edges.filter((e) => !gone.has(e.id));
  });
}
