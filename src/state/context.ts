/** React binding of the store: the app root provides one store; components select slices from it. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore, CsvSession } from './store';

export const StoreContext = createContext<AppStore | null>(null);

/** Select from the app store; re-renders only when the selected value changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside <StoreContext.Provider>');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read state without subscribing. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreContext.Provider>');
  return store;
}

/** Select from the session's uploaded CSV (table, upload error, warnings) in the app store. */
export function useCsvSession<T>(selector: (c: CsvSession) => T): T {
  return useApp((s) => selector(s.csv));
}
