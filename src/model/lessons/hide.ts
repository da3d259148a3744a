/**
 * Controls a lesson link can hide, in the manner of TensorFlow Playground's `_hide` parameters. The list is the
 * share schema's enum: a hidden key travels in the experiment (config.lesson.hide) and so in its share link.
 */

/** Hideable controls: key → what it hides and the test id of the control that disappears (e2e checks it is absent). */
export const HIDE_TARGETS = {
  dataset: { label: 'dataset picker and template button', testId: 'dataset-kind' },
  templates: { label: 'template menu', testId: 'template' },
  palette: { label: 'node palette', testId: 'palette-nodes' },
  strategy: { label: 'loss-weighting picker', testId: 'weighting' },
  backend: { label: 'backend picker', testId: 'backend' },
  seeds: { label: 'Train × N seeds', testId: 'seed-controls' },
  warmstart: { label: 'warm-start panel', testId: 'warmstart-panel' },
} as const satisfies Record<string, { label: string; testId: string }>;

export type HideKey = keyof typeof HIDE_TARGETS;

/** Every hideable key, in declaration order (the schema's enum). */
export const HIDE_KEYS = Object.keys(HIDE_TARGETS) as [HideKey, ...HideKey[]];

/** The lesson an experiment belongs to, as carried by the experiment (and so by its link); absent = no lesson, nothing hidden. */
export interface LessonRef {
  /** a lesson id from LESSONS (an unknown id still hides its controls; the panel says the lesson is unknown) */
  id: string;
  /** controls hidden while the lesson is open */
  hide: HideKey[];
}

/** True when `key` is hidden in this experiment. */
export function isHidden(cfg: { lesson?: LessonRef }, key: HideKey): boolean {
  return !!cfg.lesson?.hide.includes(key);
}
