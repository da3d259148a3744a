/** Flatten kernel: a Reshape to [N] (row-major). */
export { kernel } from '../reshape/fast';
