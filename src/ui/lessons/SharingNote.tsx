/** Whether the selected node is shared (feeds several task heads) or task-specific, with the concept's explanation. */
import { useMemo } from 'react';
import { headsFedBy, type Graph, type TaskSpec } from '../../model';
import { useApp } from '../../state';
import { Explain } from '../common/Explain';

/** The task names a node feeds, in task order; [] when it reaches no head (it is then not trained). */
export function tasksFedBy(graph: Graph, tasks: TaskSpec[], nodeId: string): string[] {
  const heads = tasks.map((t) => graph.nodes.find((n) => n.kind === 'head' && n.params.taskId === t.id)?.id ?? '');
  const fed = headsFedBy(graph, heads.filter((h) => h));
  const present = tasks.filter((_, i) => heads[i]);
  return [...(fed.get(nodeId) ?? [])].sort((a, b) => a - b).map((i) => present[i].name);
}

/** `nodeId` null: the general sentence (no node selected). */
export function SharingNote({ nodeId }: { nodeId: string | null }) {
  const graph = useApp((s) => s.config.graph);
  const tasks = useApp((s) => s.config.tasks);
  const fed = useMemo(() => (nodeId ? tasksFedBy(graph, tasks, nodeId) : []), [graph, tasks, nodeId]);
  let text: string;
  if (!nodeId) text = 'Layers that feed several task heads are shared; a layer that feeds one head is task-specific.';
  else if (fed.length >= 2) text = `Shared by ${fed.length} tasks: ${fed.join(', ')}.`;
  else if (fed.length === 1) text = `Task-specific: only ${fed[0]} depends on it.`;
  else text = 'Feeds no task head: it is not trained.';
  return (
    <p className="hint explain-line" data-testid="sharing-note" data-shared={fed.length}>
      {text} <Explain concept="sharing" />
    </p>
  );
}
