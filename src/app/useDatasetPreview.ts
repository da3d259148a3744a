/** The dataset for the preview, generated on the main thread (the worker regenerates the same data from the seed). */
import { useEffect, useMemo, useState } from 'react';
import { generateDataset, loadSources, needsAssets, type DataSources } from '../datasets';
import type { ExperimentConfig } from '../model';
import { useCsvSession } from '../state';
import type { DatasetPreview } from '../ui/panels/DatasetPanel';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Datasets without assets (2D, sequences, CSV) are generated synchronously; MultiMNIST and penguins load
 * their sources first (lazy chunk / app-served files). Errors become a message, never a crash.
 */
export function useDatasetPreview(cfg: Pick<ExperimentConfig, 'dataset' | 'tasks' | 'seed'>): DatasetPreview {
  const table = useCsvSession((s) => s.table);
  const { dataset, tasks, seed } = cfg;
  const sync = useMemo((): DatasetPreview | null => {
    if (needsAssets(dataset)) return null;
    try {
      return { status: 'ready', data: generateDataset({ dataset, tasks, seed }, { table }) };
    } catch (err) {
      return { status: 'error', message: message(err) };
    }
  }, [dataset, tasks, seed, table]);

  // Async results remember the inputs they were made from: a stale one (another dataset's arrays) is never shown.
  const [loaded, setLoaded] = useState<{ dataset: unknown; sources: DataSources | null; error: string | null }>({ dataset: null, sources: null, error: null });
  useEffect(() => {
    if (!needsAssets(dataset)) return;
    let live = true;
    loadSources(dataset)
      .then((sources) => live && setLoaded({ dataset, sources, error: null }))
      .catch((err: unknown) => live && setLoaded({ dataset, sources: null, error: message(err) }));
    return () => void (live = false);
  }, [dataset]);
  const asyncPreview = useMemo((): DatasetPreview => {
    if (loaded.dataset !== dataset) return { status: 'loading' };
    if (loaded.error || !loaded.sources) return { status: 'error', message: loaded.error ?? 'no data' };
    try {
      return { status: 'ready', data: generateDataset({ dataset, tasks, seed }, loaded.sources) };
    } catch (err) {
      return { status: 'error', message: message(err) };
    }
  }, [loaded, dataset, tasks, seed]);
  return sync ?? asyncPreview;
}
