/**
 * The address bar and the experiment. A link's hash is a snapshot: once it is loaded (or the experiment is edited
 * after Share) it is removed, so a reload reopens the autosaved work instead of that stale snapshot. A link pasted
 * into the address bar of an open tab (hashchange, no reload) opens as an undoable edit.
 */
import { bootFromHash } from './boot';
import type { AppStore } from './store';

/** The parts of `window` this module uses (tests pass a fake). */
export interface AddressWindow {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', fn: () => void): void;
  removeEventListener(type: 'hashchange', fn: () => void): void;
}

/** Remove the hash from the address bar, with no reload and no new history entry (replaceState fires no hashchange). */
export function clearHash(win: AddressWindow = window): void {
  if (win.location.hash) win.history.replaceState(win.history.state, '', win.location.href.split('#')[0]);
}

/** Open the link in `hash` in `store` as one undoable step (a bad link leaves the experiment as it is); clears the hash. */
export function openLinkHash(store: AppStore, hash: string, win: AddressWindow = window): void {
  if (!hash || hash === '#') return;
  const boot = bootFromHash(hash, 'The current experiment is unchanged.');
  clearHash(win);
  const s = store.getState();
  if (!boot.fromLink) return s.setBanner(boot.banner);
  const before = s.config;
  s.setConfig(boot.config);
  if (boot.study) s.setStudyDraft(boot.study);
  const back = { label: 'Undo', run: () => store.getState().setConfig(before) };
  s.setBanner(boot.banner && { ...boot.banner, action: back });
}

/** Follow the address bar for `store` until the returned function is called: pasted links open; an edit clears a stale hash. */
export function watchAddressBar(store: AppStore, win: AddressWindow = window): () => void {
  const onHash = () => openLinkHash(store, win.location.hash, win);
  win.addEventListener('hashchange', onHash);
  // After Share the address bar holds the shared snapshot; the first edit makes it stale.
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config !== prev.config) clearHash(win);
  });
  return () => {
    win.removeEventListener('hashchange', onHash);
    unsubscribe();
  };
}
