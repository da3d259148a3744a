/** Undo / Redo buttons and their keyboard shortcuts (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y) over the experiment's history. */
import { useEffect } from 'react';
import { useApp, useAppStore } from '../../state';

/** Input types whose own undo (of the typed text) must keep the shortcut. */
const TEXT_INPUTS = new Set(['text', 'number', 'search', 'url', 'email', 'password', 'tel']);

/** True when `el` edits text natively, so Ctrl+Z belongs to it rather than to the experiment. */
export function editsText(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type);
}

/** Which history step a key press asks for, if any. */
export function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** Undo/Redo buttons (disabled when there is no step) and the window-wide shortcuts. */
export function HistoryButtons() {
  const store = useAppStore();
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = historyKey(e);
      if (!step || editsText(e.target)) return;
      e.preventDefault();
      store.getState()[step]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <span className="history-buttons">
      <button type="button" data-testid="undo" disabled={!canUndo} title="Undo the last edit (Ctrl+Z)" onClick={() => store.getState().undo()}>
        Undo
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} title="Redo (Ctrl+Shift+Z or Ctrl+Y)" onClick={() => store.getState().redo()}>
        Redo
      </button>
    </span>
  );
}
