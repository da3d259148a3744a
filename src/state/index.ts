/** State layer: the zustand store, its React binding and boot from the URL. */
export * from './store';
export * from './context';
export * from './boot';
export * from './addressBar';
// The UI reads worker-protocol facts through the state layer (it may not import the protocol itself).
export { metricName, readoutClass, type GridSpec, type MetricPoint } from '../protocol';
export * from './runsDb';
export * from './runs';
export * from './compare';
export * from './seedGroups';
export * from './persist';
export * from './datasets';
export * from './metricsCsv';
export * from './experimentFile';
export * from './tfjsFiles';
export { exportRun, type PyTorchExport } from './exportProject';
// Lesson links are share links; the UI reads them through the state layer (it may not import share itself).
export { lessonHash } from '../share/lessons';
export * from './studyPlan';
export * from './studyKnobs';
export type { StudyProgress } from './studyRunner';
export type { StudyRecord, StudyStatus } from './studiesDb';
export { encodeStudy, decodeStudy, studyHash, studyPayloadFromHash } from '../share/study';
