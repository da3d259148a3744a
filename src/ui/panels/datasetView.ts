/**
 * A dataset's part of the Data panel. Each `src/datasets/<id>/view.tsx` exports `view: DatasetView<id>` and
 * adds `<id>: true` to DatasetViewKinds; the composition root collects them and hands them to DatasetPanel.
 */
import type { ComponentType } from 'react';
import type { ConfigOf, DatasetArrays, DatasetKind, TaskSpec } from '../../model';

export interface DatasetView<K extends DatasetKind = DatasetKind> {
  kind: K;
  /** the dataset's knobs; `ds` is the experiment's config, or a fresh default while a pick that does not switch is shown */
  Controls: ComponentType<{ ds: ConfigOf<K> }>;
  /** the generated training data at a glance (below the split line) */
  Preview: ComponentType<{ ds: ConfigOf<K>; data: DatasetArrays; tasks: TaskSpec[] }>;
}

/** Kinds that have a view.tsx (declaration merging). */
export interface DatasetViewKinds {}

type MissingViews = Exclude<DatasetKind, keyof DatasetViewKinds>;
// Compiles only when every dataset folder has a view.tsx that registers itself; otherwise tsc names the kinds.
true satisfies [MissingViews] extends [never] ? true : { datasetsWithoutViewTsx: MissingViews };

/** The views by kind, as DatasetPanel receives them. */
export type DatasetViews = ReadonlyMap<string, DatasetView>;
