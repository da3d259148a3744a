/** Flatten builder: a Reshape to the inferred [N] (row-major, like the exported model). */
export { builder } from '../reshape/tfjs';
