/** Test fixture (the registry tests): a small table and column choices (the default config has none, so no tasks). */
import type { CsvTable } from '../../model';
import type { DatasetFixture } from '../build';

export const csvTable: CsvTable = {
  fileName: 't.csv',
  columns: ['a', 'b', 'kind', 'y'],
  rows: Array.from({ length: 40 }, (_, i) => [String(i), String((i * 7) % 11), i % 3 === 0 ? 'x' : 'z', i === 5 ? '' : String(i * 0.5)]),
};

export const fixture: DatasetFixture<'csv'> = {
  kind: 'csv',
  config: { kind: 'csv', fileName: 't.csv', inputs: ['a', 'b'], targets: [{ column: 'kind', kind: 'binary', classes: 2 }, { column: 'y', kind: 'regression', classes: 1 }], valFraction: 0.25 },
  sources: { table: csvTable },
};
