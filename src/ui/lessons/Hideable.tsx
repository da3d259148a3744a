/** Controls a lesson hides (config.lesson.hide): absent from the page while the lesson is open, back when it closes. */
import type { ReactNode } from 'react';
import { isHidden, type HideKey } from '../../model/lessons';
import { useApp } from '../../state';

/** True while the open lesson hides `key`. */
export function useHidden(key: HideKey): boolean {
  return useApp((s) => isHidden(s.config, key));
}

/** `children`, unless the open lesson hides `k`. */
export function Hideable({ k, children }: { k: HideKey; children: ReactNode }) {
  return useHidden(k) ? null : <>{children}</>;
}
