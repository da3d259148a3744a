import { describe, expect, it } from 'vitest';
import { datasetTasks } from '../../model';
import { generateDataset } from '../build';
import { fixture } from './fixture';

describe('csv', () => {
  it('a csv dataset without its table asks for the file', () => {
    const ds = fixture.config!;
    expect(() => generateDataset({ dataset: ds, tasks: datasetTasks(ds), seed: 1 })).toThrow(/upload the CSV file "t.csv"/);
  });
});
