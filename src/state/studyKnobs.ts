/** The knobs a study can sweep on an experiment: its dataset's number fields (ranges from the dataset's own schema) and the registry-derived ones (experimentKnobs). */
import { experimentKnobs, type ExperimentConfig, type StudyConfig, type StudyKnob } from '../model';
import { DATASET_SCHEMAS } from '../share/schema';

interface NumberField {
  type?: string;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

/** "nPoints" → "n points". */
const words = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();

/** Every knob of `cfg`: first its dataset's number fields (those its schema bounds), then tasks, optimiser, nodes and strategy. */
export function studyKnobs(cfg: ExperimentConfig): StudyKnob[] {
  const out: StudyKnob[] = [];
  const schema = DATASET_SCHEMAS.get(cfg.dataset.kind) as unknown as { shape?: Record<string, NumberField> } | undefined;
  const ds = cfg.dataset as unknown as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema?.shape ?? {})) {
    if (field?.type !== 'number' || typeof ds[key] !== 'number') continue;
    const min = field.minValue ?? -1e6;
    const max = field.maxValue ?? 1e6;
    out.push({ id: `dataset.${key}`, label: `data: ${words(key)}`, min: Math.max(min, -1e9), max: Math.min(max, 1e9), int: !!field.isInt, current: ds[key] as number });
  }
  return out.concat(experimentKnobs(cfg));
}

/** The study's knob on its base experiment, or a message when the base has no such knob or a value is out of its range. */
export function checkStudyKnob(study: StudyConfig): { ok: true; knob: StudyKnob } | { ok: false; error: string } {
  const knob = studyKnobs(study.base).find((k) => k.id === study.knob);
  if (!knob) return { ok: false, error: `The experiment has no knob “${study.knob}”.` };
  const bad = study.values.find((v) => !Number.isFinite(v) || v < knob.min || v > knob.max);
  if (bad !== undefined) return { ok: false, error: `${knob.label} takes values from ${knob.min} to ${knob.max}; ${bad} is outside.` };
  return { ok: true, knob };
}
