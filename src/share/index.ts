/** Share: URL and JSON encode/decode with validation and migration. */
export * from './codec';
export { experimentSchema, LIMITS } from './schema';
export * from './csv';
export * from './tfjsWeights';
export * from './lessons';
