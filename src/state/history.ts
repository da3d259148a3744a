/**
 * The undo history of the experiment, as pure functions over plain data: a bounded list of past snapshots and a
 * list of undone ones. Rapid edits of one field (typing, dragging a node) coalesce into one step: an edit whose
 * key equals the newest step's key, within `windowMs` of it, extends that step instead of adding one.
 */

export interface History<T> {
  /** snapshots before each step, oldest first (at most `limit`) */
  past: T[];
  /** snapshots undone, the next one to redo last */
  future: T[];
  /** coalescing key of the newest step (null: the next edit starts a new step) */
  lastKey: string | null;
  /** when the newest step was last extended, ms */
  lastAt: number;
}

export interface RecordOptions {
  /** what the edit changed (same key = same field); null: never merge with the previous step */
  key: string | null;
  /** clock, ms */
  now: number;
  /** most snapshots kept (oldest dropped first) */
  limit?: number;
  /** longest pause between two edits of one field that still merges them, ms */
  windowMs?: number;
}

/** Most undo steps kept. */
export const HISTORY_LIMIT = 200;
/** Longest pause between two edits of one field that still makes one step, ms. */
export const COALESCE_MS = 1000;

/** A history with nothing to undo or redo. */
export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** The history after an edit away from `before` (the present until now); any redo is dropped. */
export function recordEdit<T>(h: History<T>, before: T, { key, now, limit = HISTORY_LIMIT, windowMs = COALESCE_MS }: RecordOptions): History<T> {
  if (key !== null && key === h.lastKey && h.past.length > 0 && now - h.lastAt <= windowMs) return { past: h.past, future: [], lastKey: key, lastAt: now };
  const past = h.past.length >= limit ? h.past.slice(h.past.length - limit + 1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Step back from `present`: the snapshot to show and the new history; null when there is nothing to undo. */
export function undoStep<T>(h: History<T>, present: T): { value: T; history: History<T> } | null {
  if (h.past.length === 0) return null;
  return { value: h.past[h.past.length - 1], history: { past: h.past.slice(0, -1), future: h.future.concat([present]), lastKey: null, lastAt: 0 } };
}

/** Step forward from `present` again: the snapshot to show and the new history; null when there is nothing to redo. */
export function redoStep<T>(h: History<T>, present: T): { value: T; history: History<T> } | null {
  if (h.future.length === 0) return null;
  return { value: h.future[h.future.length - 1], history: { past: h.past.concat([present]), future: h.future.slice(0, -1), lastKey: null, lastAt: 0 } };
}

/** Most changed leaves an edit may have and still coalesce (a larger edit is a step of its own). */
const MAX_LEAVES = 8;

/**
 * The coalescing key of an edit from `a` to `b` (JSON-like values): the sorted paths of the changed leaves, e.g.
 * "optimizer.learningRate". Null when the shape changed (a node or edge added or removed, a key added) or more than
 * a few leaves changed: such edits are steps of their own.
 */
export function editKey(a: unknown, b: unknown): string | null {
  const out: string[] = [];
  if (!changedLeaves(a, b, '', out) || out.length === 0) return null;
  return out.sort().join('|');
}

/** Push the paths where `a` and `b` differ onto `out`; false when their shapes differ or too many leaves changed. */
function changedLeaves(a: unknown, b: unknown, path: string, out: string[]): boolean {
  if (Object.is(a, b)) return true;
  const objA = typeof a === 'object' && a !== null;
  const objB = typeof b === 'object' && b !== null;
  if (!objA && !objB) {
    out.push(path);
    return out.length <= MAX_LEAVES;
  }
  if (!objA || !objB || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) {
    if (!Object.hasOwn(rb, k)) return false;
    if (!changedLeaves(ra[k], rb[k], path ? `${path}.${k}` : k, out)) return false;
  }
  return true;
}
