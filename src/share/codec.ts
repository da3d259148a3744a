/** Share codec: ExperimentConfig ⇄ compressed, versioned URL-safe text, with validation and migration. */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { coerceParams, defaultExperiment, nodeKind, weightingSpec, type ExperimentConfig } from '../model';
import { HIDE_KEYS } from '../model/lessons/hide';
import { experimentSchema, LIMITS } from './schema';

export const SHARE_VERSION = 1;
const PREFIX = `v${SHARE_VERSION}.`;

export type DecodeResult =
  | { ok: true; config: ExperimentConfig; warnings: string[] }
  | { ok: false; error: string; config: ExperimentConfig };

/** Compress a config into URL-safe text ("v1." + lz-string). */
export function encodeExperiment(cfg: ExperimentConfig): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(cfg));
}

/** Decode share text. Never throws: on failure returns the default experiment and a message. */
export function decodeExperiment(text: string): DecodeResult {
  const fail = (error: string): DecodeResult => ({ ok: false, error, config: defaultExperiment() });
  if (text.length > LIMITS.hashChars) return fail(`The link is too long (${text.length} characters; at most ${LIMITS.hashChars}).`);
  const m = /^v(\d+)\.(.*)$/s.exec(text);
  if (!m) return fail('The link is not an MTL Playground experiment (unknown format).');
  if (Number(m[1]) > SHARE_VERSION) return fail(`The link was made by a newer version (format v${m[1]}); this app reads up to v${SHARE_VERSION}.`);
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(m[2]);
  } catch {
    json = null;
  }
  if (!json) return fail('The link is damaged: its data could not be decompressed.');
  if (json.length > LIMITS.jsonChars) return fail('The experiment in the link is too large.');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('The link is damaged: its data is not valid JSON.');
  }
  return parseExperiment(raw);
}

/**
 * Validate and migrate a parsed experiment object (from a URL or a JSON file).
 * Missing top-level sections are filled from the defaults with a warning each;
 * anything else invalid is rejected with the path of the first problem.
 */
export function parseExperiment(raw: unknown): DecodeResult {
  const fail = (error: string): DecodeResult => ({ ok: false, error, config: defaultExperiment() });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('The experiment must be a JSON object.');
  const { obj, warnings } = migrate(raw as Record<string, unknown>);
  const parsed = experimentSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'experiment';
    // A bad record key reports "Invalid key in record"; the key's own issue says why.
    const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    return fail(`The experiment is invalid at "${where}": ${inner ? `the key ${inner}` : issue.message}.`);
  }
  const cfg = parsed.data as ExperimentConfig;
  const ids = new Set<string>();
  for (const n of cfg.graph.nodes) {
    if (ids.has(n.id)) return fail(`The experiment has two nodes with id "${n.id}".`);
    ids.add(n.id);
    const spec = nodeKind(n.kind);
    if (!spec) return fail(`The experiment uses an unknown node kind "${n.kind}".`);
    n.params = coerceParams(spec.params, n.params);
  }
  const edgeIds = new Set<string>();
  for (const e of cfg.graph.edges) {
    if (edgeIds.has(e.id)) return fail(`The experiment has two edges with id "${e.id}".`);
    edgeIds.add(e.id);
  }
  const strategy = weightingSpec(cfg.weighting.kind);
  if (!strategy) return fail(`The experiment uses an unknown loss weighting "${cfg.weighting.kind}".`);
  cfg.weighting.params = coerceParams(strategy.params, cfg.weighting.params);
  const taskIds = new Set(cfg.tasks.map((t) => t.id));
  if (taskIds.size !== cfg.tasks.length) return fail('The experiment has two tasks with the same id.');
  return { ok: true, config: cfg, warnings };
}

/** Bring an older or partial payload up to the current version; never throws. */
function migrate(raw: Record<string, unknown>): { obj: Record<string, unknown>; warnings: string[] } {
  const warnings: string[] = [];
  const obj: Record<string, unknown> = { ...raw };
  if (obj.version === undefined || obj.version === 0) {
    // Pre-release links carried no version; their shape is v1's.
    obj.version = 1;
  }
  // Links made before strategies had parameters carry none.
  const w = obj.weighting as Record<string, unknown> | undefined;
  if (w && typeof w === 'object' && w.params === undefined) obj.weighting = { ...w, params: {} };
  // A newer version's lesson may hide controls this one lacks: those stay shown, the lesson still opens.
  const lesson = obj.lesson as Record<string, unknown> | undefined;
  if (lesson && typeof lesson === 'object' && Array.isArray(lesson.hide)) {
    const known = lesson.hide.filter((k: unknown) => (HIDE_KEYS as readonly unknown[]).includes(k));
    if (known.length < lesson.hide.length) {
      obj.lesson = { ...lesson, hide: known };
      warnings.push('The lesson hides controls this version does not have; they are shown.');
    }
  }
  const defaults = defaultExperiment() as unknown as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    if (obj[key] === undefined) {
      obj[key] = defaults[key];
      warnings.push(`"${key}" was missing and was set to its default.`);
    }
  }
  return { obj, warnings };
}

/** Read the experiment payload from a location hash ("#e=…"); null when the hash holds none. */
export function payloadFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h) return null;
  // Not URLSearchParams: it would turn lz-string's '+' into a space.
  for (const part of h.split('&')) if (part.startsWith('e=')) return part.slice(2);
  return null;
}

/** The hash fragment ("#e=…") for a config. */
export function hashFor(cfg: ExperimentConfig): string {
  return `#e=${encodeExperiment(cfg)}`;
}
