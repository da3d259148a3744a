/**
 * A run's weights in TensorFlow.js's weights format: model.json (our experiment as the topology, plus a tf.io
 * weights manifest) and weights.bin (every tensor as little-endian float32, concatenated in manifest order).
 * Tensor k of node n is named `${n}/${k}`. Decoding treats both files as untrusted: every size is checked.
 */
import type { ExperimentConfig, NodeWeights } from '../model';
import { experimentSchema } from './schema';

export const TFJS_FORMAT = 'mtl-playground';
export const WEIGHTS_FILE = 'weights.bin';
/** Largest weights.bin accepted, bytes (100M float32 would not fit a tab's memory comfortably). */
export const MAX_WEIGHT_BYTES = 400 * 1024 * 1024;
/** Largest model.json accepted, characters. */
export const MAX_MODEL_JSON_CHARS = 5_000_000;

export interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface TfjsModelJson {
  format: typeof TFJS_FORMAT;
  generatedBy: string;
  modelTopology: ExperimentConfig;
  weightsManifest: { paths: string[]; weights: ManifestEntry[] }[];
}

const size = (shape: readonly number[]) => shape.reduce((a, d) => a * d, 1);

/** model.json text and weights.bin bytes for `weights` (a snapshot of the run trained with `config`). */
export function encodeTfjsWeights(config: ExperimentConfig, weights: readonly NodeWeights[], generatedBy = 'MTL Playground'): { modelJson: string; bin: Uint8Array } {
  const entries: ManifestEntry[] = [];
  let floats = 0;
  for (const n of weights)
    n.tensors.forEach((t, k) => {
      if (t.values.length !== size(t.shape)) throw new Error(`Tensor ${n.id}/${k} has ${t.values.length} values for shape [${t.shape.join(',')}].`);
      entries.push({ name: `${n.id}/${k}`, shape: t.shape.slice(), dtype: 'float32' });
      floats += t.values.length;
    });
  const bin = new Uint8Array(floats * 4);
  const view = new DataView(bin.buffer);
  let off = 0;
  for (const n of weights)
    for (const t of n.tensors)
      for (let i = 0; i < t.values.length; i++, off += 4) view.setFloat32(off, t.values[i], true);
  const json: TfjsModelJson = { format: TFJS_FORMAT, generatedBy, modelTopology: config, weightsManifest: [{ paths: [WEIGHTS_FILE], weights: entries }] };
  return { modelJson: JSON.stringify(json), bin };
}

export interface DecodedWeights {
  /** the experiment in model.json when it is a valid one, else null (the weights are still usable by node id) */
  config: ExperimentConfig | null;
  weights: NodeWeights[];
}

/**
 * Parse model.json + weights.bin back into per-node weights (node order as first seen in the manifest; each node's
 * tensors must be named n/0, n/1, …). Throws an Error with a clear message on anything malformed or a byte length
 * that does not match the manifest.
 */
export function decodeTfjsWeights(modelJson: string, bin: ArrayBuffer | Uint8Array): DecodedWeights {
  if (modelJson.length > MAX_MODEL_JSON_CHARS) throw new Error(`model.json is too large (over ${MAX_MODEL_JSON_CHARS.toLocaleString('en')} characters).`);
  let raw: unknown;
  try {
    raw = JSON.parse(modelJson);
  } catch {
    throw new Error('model.json is not valid JSON.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('model.json must hold a JSON object.');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== TFJS_FORMAT) throw new Error(`model.json is not an MTL Playground weights file (format is ${JSON.stringify(obj.format)}, expected "${TFJS_FORMAT}").`);
  const manifest = obj.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) throw new Error('model.json has no weightsManifest.');
  const bytes = bin instanceof Uint8Array ? bin : new Uint8Array(bin);
  if (bytes.byteLength > MAX_WEIGHT_BYTES) throw new Error(`The weights file is too large (over ${MAX_WEIGHT_BYTES / 1024 / 1024} MB).`);

  const entries: ManifestEntry[] = [];
  for (const group of manifest) {
    const g = group as { paths?: unknown; weights?: unknown };
    if (!g || !Array.isArray(g.weights)) throw new Error('model.json: every weightsManifest group needs a "weights" list.');
    if (Array.isArray(g.paths) && g.paths.length > 1) throw new Error('model.json: sharded weights (several paths in a group) are not supported; expected one weights.bin.');
    for (const w of g.weights as unknown[]) {
      const e = w as Partial<ManifestEntry> | null;
      if (!e || typeof e.name !== 'string' || !e.name.includes('/')) throw new Error('model.json: every weight needs a name "node/index".');
      if (e.dtype !== 'float32') throw new Error(`model.json: weight ${e.name} has dtype ${JSON.stringify(e.dtype)}; only float32 is supported.`);
      if (!Array.isArray(e.shape) || e.shape.length > 8 || !e.shape.every((d) => Number.isInteger(d) && d >= 0 && d <= 1e8))
        throw new Error(`model.json: weight ${e.name} has an invalid shape.`);
      entries.push({ name: e.name, shape: e.shape.slice(), dtype: 'float32' });
    }
  }
  const expected = entries.reduce((a, e) => a + size(e.shape) * 4, 0);
  if (bytes.byteLength !== expected)
    throw new Error(
      `weights.bin has ${bytes.byteLength.toLocaleString('en')} bytes but model.json describes ${expected.toLocaleString('en')} (${entries.length} float32 tensors)` +
        (bytes.byteLength < expected ? ': the file is truncated or belongs to another model.json.' : ': the file belongs to another model.json.'),
    );

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nodes = new Map<string, NodeWeights>();
  let off = 0;
  for (const e of entries) {
    const cut = e.name.lastIndexOf('/');
    const id = e.name.slice(0, cut);
    const k = Number(e.name.slice(cut + 1));
    let node = nodes.get(id);
    if (!node) nodes.set(id, (node = { id, kind: '', tensors: [] }));
    if (k !== node.tensors.length) throw new Error(`model.json: weight ${e.name} is out of order (expected ${id}/${node.tensors.length}).`);
    const values = new Float32Array(size(e.shape));
    for (let i = 0; i < values.length; i++, off += 4) values[i] = view.getFloat32(off, true);
    node.tensors.push({ shape: e.shape, values });
  }
  const parsed = experimentSchema.safeParse(obj.modelTopology);
  const config = parsed.success ? (parsed.data as ExperimentConfig) : null;
  if (config) for (const n of nodes.values()) n.kind = config.graph.nodes.find((g) => g.id === n.id)?.kind ?? '';
  return { config, weights: [...nodes.values()] };
}
