/** Guided lessons (plain data built from the registries) and the controls a lesson can hide. */
export * from './hide';
export * from './kit';
export * from './lessons';
