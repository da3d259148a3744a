/** Which canvas nodes a warm start will fill (chosen and matched by structure), for their "↺ warm start" badge. */
import { createContext, useContext, type ReactNode } from 'react';
import { useWarmPlan } from '../common/useWarmPlan';

const WarmCopiesContext = createContext<ReadonlySet<string>>(new Set());

/** Provides the copy set; its own re-renders (any config edit) reach only the nodes that read it. */
export function WarmCopiesProvider({ children }: { children: ReactNode }) {
  const { copies } = useWarmPlan();
  return <WarmCopiesContext.Provider value={copies}>{children}</WarmCopiesContext.Provider>;
}

/** true when the warm start will likely copy weights into node `id`. */
export function useWarmCopy(id: string): boolean {
  return useContext(WarmCopiesContext).has(id);
}
