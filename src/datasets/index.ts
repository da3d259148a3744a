/** Public surface of the dataset plug-ins for the worker, the preview and the exporter (the page's registry is model's DATASETS). */
export { generateDataset, loadSources, needsAssets, prepareDataset, type DataSources, type DatasetBuilder } from './build';
export type { MnistDigits } from './multimnist/generate';
export type { PenguinRow } from './penguins/generate';
