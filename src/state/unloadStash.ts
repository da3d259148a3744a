/**
 * A synchronous copy of the experiment for the moment the page goes away with an autosave still pending: an
 * IndexedDB write started in pagehide does not survive a reload (measured in Chromium), a localStorage write does.
 * The copy lives only until the next completed IndexedDB save, so while it exists it is the newest work.
 */
import type { ExperimentConfig } from '../model';
import { parseExperiment } from '../share';

/** Where the copy is kept (tests: in memory). */
export interface Stash {
  read(): string | null;
  write(v: string): void;
  clear(): void;
}

const KEY = 'mtl-playground.unsavedExperiment';
/** Largest copy read back, characters (it is untrusted like any stored data). */
const MAX_CHARS = 2_000_000;

/** localStorage, or null where it is missing or refused (private modes, sandboxed frames). */
export function browserStash(): Stash | null {
  try {
    const ls = globalThis.localStorage;
    if (!ls) return null;
    return {
      read: () => ls.getItem(KEY),
      write: (v) => ls.setItem(KEY, v),
      clear: () => ls.removeItem(KEY),
    };
  } catch {
    return null;
  }
}

/** Keep `cfg` in `stash`; false when the write was refused (quota). */
export function stashExperiment(stash: Stash | null, cfg: ExperimentConfig): boolean {
  try {
    stash?.write(JSON.stringify(cfg));
    return stash !== null;
  } catch {
    return false;
  }
}

/** The stashed experiment, validated and migrated; null when none or invalid. */
export function readStashed(stash: Stash | null): ExperimentConfig | null {
  try {
    const raw = stash?.read();
    if (!raw || raw.length > MAX_CHARS) return null;
    const res = parseExperiment(JSON.parse(raw));
    return res.ok ? res.config : null;
  } catch {
    return null;
  }
}

/** Drop the copy (an IndexedDB save has completed). */
export function clearStash(stash: Stash | null): void {
  try {
    stash?.clear();
  } catch {
    // nothing to clean up
  }
}
