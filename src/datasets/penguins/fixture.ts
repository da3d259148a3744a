/** Test fixture (the registry tests): the penguin rows imported directly instead of the lazy chunk. */
import penguinRows from 'vega-datasets/data/penguins.json';
import type { DatasetFixture } from '../build';

export const fixture: DatasetFixture<'penguins'> = { kind: 'penguins', sources: { penguins: penguinRows } };
