import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { hashFor } from '../share';
import { watchAddressBar, type AddressWindow } from './addressBar';
import { createAppStore } from './store';

/** A window with an address bar and a hashchange event fired by `paste`. */
function fakeWindow(href: string) {
  const fns = new Set<() => void>();
  const win: AddressWindow = {
    location: { href, hash: href.includes('#') ? href.slice(href.indexOf('#')) : '' },
    history: {
      state: null,
      replaceState: (_d, _u, url) => {
        win.location.href = url!;
        win.location.hash = url!.includes('#') ? url!.slice(url!.indexOf('#')) : '';
      },
    },
    addEventListener: (_t, fn) => void fns.add(fn),
    removeEventListener: (_t, fn) => void fns.delete(fn),
  };
  const paste = (hash: string) => {
    win.location.hash = hash;
    win.location.href = win.location.href.split('#')[0] + hash;
    fns.forEach((f) => f());
  };
  return { win, paste, listeners: () => fns.size };
}

describe('address bar', () => {
  it('opens a pasted link as an undoable step and clears the hash', () => {
    const store = createAppStore(defaultExperiment());
    store.getState().update((d) => void (d.name = 'mine'));
    const { win, paste, listeners } = fakeWindow('http://x/');
    const stop = watchAddressBar(store, win);
    paste(hashFor({ ...defaultExperiment(), name: 'pasted' }));
    expect(store.getState().config.name).toBe('pasted');
    expect(win.location.href).toBe('http://x/');
    expect(store.getState().banner?.text).toContain('Opened a shared experiment');
    store.getState().banner!.action!.run();
    expect(store.getState().config.name).toBe('mine');
    stop();
    expect(listeners()).toBe(0);
  });

  it('a bad pasted link keeps the experiment and says so', () => {
    const store = createAppStore(defaultExperiment());
    store.getState().update((d) => void (d.name = 'mine'));
    const { win, paste } = fakeWindow('http://x/');
    watchAddressBar(store, win);
    paste('#e=v1.garbage');
    expect(store.getState().config.name).toBe('mine');
    expect(store.getState().banner).toMatchObject({ kind: 'error' });
    expect(store.getState().banner!.text).toContain('The current experiment is unchanged.');
  });

  it('the first edit after Share clears the now-stale hash', () => {
    const store = createAppStore(defaultExperiment());
    const { win } = fakeWindow('http://x/' + hashFor(defaultExperiment()));
    watchAddressBar(store, win);
    expect(win.location.hash).not.toBe('');
    store.getState().update((d) => void (d.name = 'edited'));
    expect(win.location.href).toBe('http://x/');
  });
});
