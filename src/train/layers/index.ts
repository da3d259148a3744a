/**
 * The node builders of the worker: every kind's src/kinds/<kind>/tfjs.ts, collected by the generated
 * src/kinds/tfjs.gen.ts (no hand-kept list). Shared builder helpers live in ./common and ./multitask.
 */
import { KIND_BUILDERS } from '../../kinds/tfjs.gen';
import type { NodeBuilder } from './common';

export { glorotUniform } from '../init';
export { crossStitchInit } from '../../kinds/crossstitch/tfjs';
export { matMulTrained, type BuiltNode, type InspectTable, type NodeBuildContext, type NodeBuilder } from './common';

/** Builder per node kind id; the generated registry has one for every kind folder (a missing tfjs.ts fails tsc). */
export const NODE_BUILDERS: Readonly<Record<string, NodeBuilder>> = KIND_BUILDERS;
