/** The app store's state: the union of its slices (the data types they share are in types.ts). */
import type { ExperimentSlice } from './slices/experiment';
import type { RunsSlice } from './slices/runs';
import type { TrainingSlice } from './slices/training';
import type { UiSlice } from './slices/ui';
import type { StudiesSlice } from './slices/studies';

export type { CsvSession, ExperimentSlice } from './slices/experiment';
export type { RunsSlice } from './slices/runs';
export type { TrainingSlice } from './slices/training';
export type { NodeSize, UiSlice } from './slices/ui';
export type { StudiesSlice } from './slices/studies';
export type { TrainingView } from './trainingView';
export type * from './types';

/** The whole store: flat, so components select single fields and re-render only when those change. */
export type AppState = ExperimentSlice & TrainingSlice & RunsSlice & UiSlice & StudiesSlice;
