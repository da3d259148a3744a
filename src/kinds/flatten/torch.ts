/** Flatten as PyTorch: the Reshape class to the inferred [N] (both kinds share one class). */
export { exporter } from '../reshape/torch';
