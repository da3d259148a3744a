/** tfjs weights files of a run (download) and from the user (upload): the state layer's bridge to src/share/tfjsWeights. */
import type { ExperimentConfig, NodeWeights } from '../model';
import { decodeTfjsWeights, encodeTfjsWeights, WEIGHTS_FILE } from '../share';
import type { WarmSource } from './store';

export { WEIGHTS_FILE } from '../share';

/** model.json text and weights.bin bytes for a run's weights. */
export function tfjsFiles(config: ExperimentConfig, weights: readonly NodeWeights[]): { modelJson: string; bin: Uint8Array } {
  return encodeTfjsWeights(config, weights, 'MTL Playground');
}

/**
 * Read an upload of model.json + weights.bin (any order; the .json file and the one other file) into a warm-start
 * source named after the JSON file. Rejects with a clear message when files are missing or malformed.
 */
export async function readTfjsUpload(files: readonly File[]): Promise<WarmSource> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const bins = files.filter((f) => !f.name.toLowerCase().endsWith('.json'));
  if (json.length !== 1 || bins.length !== 1)
    throw new Error(`Choose two files together: model.json and ${WEIGHTS_FILE} (got ${files.map((f) => f.name).join(', ') || 'none'}).`);
  const [text, bytes] = await Promise.all([json[0].text(), bins[0].arrayBuffer()]);
  const { config, weights } = decodeTfjsWeights(text, bytes);
  if (!weights.length) throw new Error(`${json[0].name} lists no weights.`);
  return { name: json[0].name, config, weights };
}
