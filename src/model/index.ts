/** Public surface of the pure model layer. */
export * from './types';
export * from './params';
export * from './keys';
export * from './csvText';
export * from './stats';
export * from './budget';
export * from './seeds';
export * from './toy';
export * from './nodes';
export * from './graph';
export * from './defaults';
export * from './datasetSpec';
export * from './datasets';
export * from './weighting';
export * from './templates';
export * from './inspection';
export * from './warmstart';
