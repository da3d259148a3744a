/**
 * Building blocks of the lessons: experiments from the registries (an id that disappears throws, so the lesson
 * tests fail loudly) and checks of the user's progress over the runs list.
 */
import { datasetExperiment, datasetInputDim, datasetSpec } from '../datasets';
import { defaultExperiment } from '../defaults';
import { nodeKind } from '../nodes';
import { defaultParams } from '../params';
import { graphTemplate } from '../templates';
import type { DatasetKind } from '../datasetSpec';
import type { ExperimentConfig } from '../types';
import { weightingSpec } from '../weighting';

/** What a lesson step may look at: the experiment being edited and the runs kept in this browser. */
export interface LessonProgress {
  config: ExperimentConfig;
  runs: readonly { config: ExperimentConfig; status: string; kind: 'mtl' | 'baseline' }[];
}

/** A step's check, shown as "✓ label" once done. */
export interface LessonCheck {
  label: string;
  done(p: LessonProgress): boolean;
}

/** `id` when the node kind is registered; throws otherwise (a lesson must not silently lose its subject). */
export function kindId(id: string): string {
  if (!nodeKind(id)) throw new Error(`lesson: unknown node kind "${id}"`);
  return id;
}

/** The default experiment (2D synthetic, three tasks) with the graph of template `id`; throws for an unknown template. */
export function onTemplate(id: string): ExperimentConfig {
  const tpl = graphTemplate(id);
  if (!tpl) throw new Error(`lesson: unknown template "${id}"`);
  const cfg = defaultExperiment();
  cfg.graph = tpl.build(cfg.tasks, datasetInputDim(cfg.dataset));
  cfg.name = `${cfg.tasks.length} tasks, ${tpl.label}`;
  return cfg;
}

/** A fresh experiment on dataset `kind` as picking it gives (its template graph and weighting); throws for an unknown kind. */
export function onDataset(kind: DatasetKind): ExperimentConfig {
  return datasetExperiment(datasetSpec(kind).make());
}

/** Set the loss weighting to strategy `id` with its default parameters (weights kept); throws for an unknown strategy. */
export function withStrategy(cfg: ExperimentConfig, id: string): ExperimentConfig {
  const spec = weightingSpec(id);
  if (!spec) throw new Error(`lesson: unknown strategy "${id}"`);
  cfg.weighting = { ...cfg.weighting, kind: id, params: defaultParams(spec.params) };
  return cfg;
}

/** A template's menu label, for a step's text; throws for an unknown template. */
export function tplLabel(id: string): string {
  const tpl = graphTemplate(id);
  if (!tpl) throw new Error(`lesson: unknown template "${id}"`);
  return tpl.label;
}

/** A strategy's picker label, for a step's text; throws for an unknown strategy. */
export function strategyLabel(id: string): string {
  const spec = weightingSpec(id);
  if (!spec) throw new Error(`lesson: unknown strategy "${id}"`);
  return spec.label;
}

/** The 2D dataset's relatedness of a config, or NaN for another dataset. */
export function relatednessOf(cfg: ExperimentConfig): number {
  return cfg.dataset.kind === 'synthetic2d' ? cfg.dataset.relatedness : NaN;
}

/** True when the graph has a node of this (registered) kind. */
export const hasKind = (cfg: ExperimentConfig, kind: string): boolean => cfg.graph.nodes.some((n) => n.kind === kindId(kind));

/** Done once a multi-task run whose config passes `pred` has finished. */
export function trained(label: string, pred: (c: ExperimentConfig) => boolean = () => true): LessonCheck {
  return { label, done: (p) => p.runs.some((r) => r.kind === 'mtl' && r.status === 'done' && pred(r.config)) };
}

/** Done once a single-task baseline whose config passes `pred` has finished. */
export function baselined(label: string, pred: (c: ExperimentConfig) => boolean = () => true): LessonCheck {
  return { label, done: (p) => p.runs.some((r) => r.kind === 'baseline' && r.status === 'done' && pred(r.config)) };
}

/** Done while the edited experiment passes `pred`. */
export function editing(label: string, pred: (c: ExperimentConfig) => boolean): LessonCheck {
  return { label, done: (p) => pred(p.config) };
}
