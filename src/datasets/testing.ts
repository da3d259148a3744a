/** Test helper: every registered dataset with the config and sources its tests use (its fixture.ts where the folder has one). */
import { DATASETS, type DatasetConfig, type DatasetKind, type DatasetSpec } from '../model';
import type { DataSources, DatasetFixture } from './build';

const fixtures = import.meta.glob<DatasetFixture<DatasetKind>>('./*/fixture.ts', { eager: true, import: 'fixture' });
const byKind = new Map(Object.values(fixtures).map((f) => [f.kind, f]));

export interface DatasetCase {
  spec: DatasetSpec;
  config: DatasetConfig;
  sources: DataSources;
}

/** One case per registered dataset, in menu order: the fixture's config (else the default) and sources (else none). */
export function datasetCases(): DatasetCase[] {
  return DATASETS.map((spec) => {
    const f = byKind.get(spec.kind);
    return { spec, config: f?.config ?? spec.make(), sources: f?.sources ?? {} };
  });
}
