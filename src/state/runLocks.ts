/**
 * Which runs are live in some tab of this browser: the tab that trains a run holds a Web Lock named
 * after it until the run ends (or the tab closes or crashes, which releases it). A tab that starts
 * while another trains sees the lock and leaves that run alone instead of marking it interrupted.
 */
const PREFIX = 'mtl-playground-run:';

interface LockManagerLike {
  request(name: string, cb: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

const locks = (): LockManagerLike | undefined => (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

const releases = new Map<string, () => void>();

/** Hold the run's lock until releaseRunLock(runId); a no-op where Web Locks are unavailable. */
export function holdRunLock(runId: string): void {
  const lm = locks();
  if (!lm || releases.has(runId)) return;
  lm.request(PREFIX + runId, () => new Promise<void>((resolve) => releases.set(runId, resolve))).catch(() => releases.delete(runId));
}

/** Let go of the run's lock (a no-op when this tab does not hold it). */
export function releaseRunLock(runId: string): void {
  releases.get(runId)?.();
  releases.delete(runId);
}

/** Run ids whose lock some tab holds now (empty where Web Locks are unavailable). */
export async function liveRunIds(): Promise<Set<string>> {
  const lm = locks();
  if (!lm) return new Set();
  try {
    const { held = [] } = await lm.query();
    return new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)));
  } catch {
    return new Set();
  }
}
