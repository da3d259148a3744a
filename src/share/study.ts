/**
 * Study links and stored studies: StudyConfig ⇄ compressed URL text ("#s=v1.…"), validated like an experiment
 * (its base experiment goes through parseExperiment), with defaults for every field a study may leave out.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { z } from 'zod';
import { graphTemplate, MAX_SEEDS, MAX_STUDY_ARMS, MAX_STUDY_VALUES, weightingSpec, type StudyConfig } from '../model';
import { keySchema } from '../model/schemaKit';
import { parseExperiment } from './codec';
import { LIMITS } from './schema';

const PREFIX = 'v1.';

const studySchema = z.object({
  version: z.literal(1).default(1),
  name: z.string().max(200).default('Study'),
  base: z.unknown(),
  knob: z.string().min(3).max(200),
  values: z.array(z.number().finite()).min(1).max(MAX_STUDY_VALUES),
  arms: z
    .array(z.object({ template: keySchema(64).optional(), weighting: keySchema(64).optional() }))
    .min(1)
    .max(MAX_STUDY_ARMS),
  seeds: z.object({ count: z.number().int().min(1).max(MAX_SEEDS), varyData: z.boolean().default(false) }).default({ count: 5, varyData: false }),
  metric: z.discriminatedUnion('kind', [z.object({ kind: z.literal('deltaM') }), z.object({ kind: z.literal('task'), taskId: keySchema(64) })]).default({ kind: 'deltaM' }),
});

export type StudyParse = { ok: true; study: StudyConfig } | { ok: false; error: string };

/** Validate an untrusted study object (a link, a stored record): its base experiment, known templates and strategies, a task metric naming a task. */
export function parseStudy(raw: unknown): StudyParse {
  const parsed = studySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `The study is invalid at "${issue.path.join('.') || 'study'}": ${issue.message}.` };
  }
  const base = parseExperiment(parsed.data.base);
  if (!base.ok) return { ok: false, error: `The study's experiment: ${base.error}` };
  for (const a of parsed.data.arms) {
    if (a.template && !graphTemplate(a.template)) return { ok: false, error: `The study uses an unknown graph template "${a.template}".` };
    if (a.weighting && !weightingSpec(a.weighting)) return { ok: false, error: `The study uses an unknown strategy "${a.weighting}".` };
  }
  const m = parsed.data.metric;
  if (m.kind === 'task' && !base.config.tasks.some((t) => t.id === m.taskId)) return { ok: false, error: `The study plots task "${m.taskId}", which its experiment does not have.` };
  return { ok: true, study: { ...parsed.data, base: base.config } as StudyConfig };
}

/** Compress a study into URL-safe text ("v1." + lz-string). */
export function encodeStudy(study: StudyConfig): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(study));
}

/** Decode study link text; never throws. */
export function decodeStudy(text: string): StudyParse {
  if (text.length > LIMITS.hashChars) return { ok: false, error: `The study link is too long (${text.length} characters; at most ${LIMITS.hashChars}).` };
  if (!text.startsWith(PREFIX)) return { ok: false, error: 'The link is not an MTL Playground study (unknown format).' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(text.slice(PREFIX.length));
  } catch {
    json = null;
  }
  if (!json || json.length > LIMITS.jsonChars) return { ok: false, error: 'The study link is damaged: its data could not be decompressed.' };
  try {
    return parseStudy(JSON.parse(json));
  } catch {
    return { ok: false, error: 'The study link is damaged: its data is not valid JSON.' };
  }
}

/** The study payload of a location hash ("#s=…"), or null when it holds none. */
export function studyPayloadFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of h.split('&')) if (part.startsWith('s=')) return part.slice(2);
  return null;
}

/** The hash fragment ("#s=…") of a study. */
export function studyHash(study: StudyConfig): string {
  return `#s=${encodeStudy(study)}`;
}
