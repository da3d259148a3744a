/** The Data panel's per-dataset views: every src/datasets/<id>/view.tsx (the panel itself may not import plug-ins). */
import type { DatasetView, DatasetViews } from '../ui/panels/datasetView';

const found = import.meta.glob<DatasetView>('../datasets/*/view.tsx', { eager: true, import: 'view' });

/** Dataset kind → its controls and preview. */
export const DATASET_VIEWS: DatasetViews = new Map(Object.values(found).map((v) => [v.kind, v]));
