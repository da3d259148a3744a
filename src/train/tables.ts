/** Labels of the live inspection tables, shared by both engines' kinds (no tfjs here). */
import type { TaskSpec } from '../model';

/** Row labels of an inspection table: one row per task (output k belongs to task k). */
export const taskRows = (tasks: readonly TaskSpec[]): string[] => tasks.map((t) => t.name || t.id);

/** Column labels prefix1…prefixN (numbered from `from` + 1). */
export const numbered = (prefix: string, n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `${prefix}${from + i + 1}`);

export const GATE_NOTE = 'Gates depend on the input: each cell is the task’s softmax weight on that expert, averaged over validation rows (rows sum to 1).';
