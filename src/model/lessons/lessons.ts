/**
 * The guided lessons, in the order of the classic multi-task story: hard sharing, attention, experts, ensembles,
 * transfer, loss weighting. Each opens an ordinary experiment (an ordinary share link), hides some controls and
 * walks the user through it step by step.
 */
import { weightingSpec } from '../weighting';
import type { ExperimentConfig } from '../types';
import type { HideKey } from './hide';
import { baselined, editing, hasKind, kindId, onDataset, onTemplate, relatednessOf, strategyLabel, tplLabel, trained, withStrategy, type LessonCheck } from './kit';

export interface LessonStep {
  /** one or two sentences: what to do and what to watch */
  text: string;
  /** when set, the panel ticks the step once the user has done it */
  check?: LessonCheck;
}

export interface Lesson {
  /** the key in config.lesson.id (and so in the link) */
  id: string;
  title: string;
  /** one line for the Lessons menu */
  summary: string;
  /** controls hidden while the lesson is open */
  hide: HideKey[];
  /** the experiment the lesson opens (without its lesson field: see lessonExperiment) */
  setup(): ExperimentConfig;
  steps: LessonStep[];
}

const unrelated = (c: ExperimentConfig) => relatednessOf(c) <= 0.1;
const related = (c: ExperimentConfig) => relatednessOf(c) >= 0.8;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'hard-sharing',
    title: 'Hard sharing: related tasks help, unrelated tasks hurt',
    summary: 'One trunk for three tasks; then make the tasks unrelated and watch Δm% fall.',
    hide: ['strategy', 'palette', 'backend', 'seeds', 'warmstart'],
    setup() {
      const cfg = onTemplate('hard');
      if (cfg.dataset.kind === 'synthetic2d') cfg.dataset.relatedness = 0.9;
      cfg.name = 'Lesson: hard sharing';
      return cfg;
    },
    steps: [
      { text: 'Three tasks (Side, Zone, Height) read the same points. Every task head hangs off one shared trunk, d1 → d2: click d1 and the Inspector says it is shared by 3 tasks.' },
      { text: 'The tasks are closely related (Relatedness 0.9). Press Train and watch the three validation curves fall together.', check: trained('trained with related tasks', related) },
      {
        text: 'Is sharing better than training each task alone? Press "Train single-task baselines" (runs list): each task trains alone on the same data. The run then gets a Δm%: positive means sharing helped.',
        check: baselined('baselines trained', related),
      },
      { text: 'Now set Relatedness to 0: each task reads its own random field. Press Train again.', check: trained('trained with unrelated tasks', unrelated) },
      {
        text: 'Train the baselines again (the data changed) and compare the two runs’ Δm%. With unrelated tasks the shared trunk must serve three different functions, and Δm% drops, often below zero: negative transfer.',
        check: baselined('baselines for unrelated tasks', unrelated),
      },
    ],
  },
  {
    id: 'attention',
    title: 'Attention-based sharing: MTAN, task-aware attention, CARE',
    summary: 'Let each task choose what it reads from the shared trunk.',
    hide: ['strategy', 'palette', 'seeds'],
    setup() {
      const cfg = onTemplate('mtan');
      if (cfg.dataset.kind === 'synthetic2d') cfg.dataset.relatedness = 0.4;
      cfg.name = 'Lesson: attention-based sharing';
      return cfg;
    },
    steps: [
      { text: 'MTAN: a shared trunk, and a learned attention mask per task that decides which shared features that task reads. Press Train.', check: trained('trained MTAN', (c) => hasKind(c, 'taskattention')) },
      {
        text: `Pick "${tplLabel('tam')}" in the Templates menu: the trunk is cut into tokens and each task attends to them with its own query. Train again.`,
        check: trained('trained task-aware attention', (c) => hasKind(c, 'tam')),
      },
      {
        text: `Pick "${tplLabel('care')}" (CARE-style): one stream per task, and each stream attends to the others and adds what it finds. Train, then compare the three runs in the runs list.`,
        check: trained('trained CARE', (c) => hasKind(c, 'care')),
      },
      { text: 'Set Relatedness to 0 and train one of them again: attention lets a task ignore what does not help it, so it suffers less than hard sharing.', check: trained('trained with unrelated tasks', unrelated) },
    ],
  },
  {
    id: 'experts',
    title: 'Mixtures of experts: MMoE and CGC',
    summary: 'Shared experts, one gate per task; then task-specific experts too.',
    hide: ['strategy', 'palette', 'seeds'],
    setup() {
      const cfg = onTemplate('mmoe');
      if (cfg.dataset.kind === 'synthetic2d') cfg.dataset.relatedness = 0.3;
      cfg.name = 'Lesson: mixtures of experts';
      return cfg;
    },
    steps: [
      { text: 'MMoE: four small expert networks, and one softmax gate per task that mixes them. Click the MMoE node to see its experts and gates. Press Train.', check: trained('trained MMoE', (c) => hasKind(c, 'mmoe')) },
      { text: 'While it trains, the Inspector shows each task’s gate weights: tasks that are not related learn to prefer different experts.' },
      {
        text: `Pick "${tplLabel('cgc')}" in the Templates menu: besides the shared experts each task gets experts of its own, which only its gate can use. Train and compare.`,
        check: trained('trained CGC', (c) => hasKind(c, 'cgc')),
      },
    ],
  },
  {
    id: 'ensembles',
    title: 'Ensembles: averaging independent models',
    summary: 'Three small networks per task, averaged; how does it compare with sharing?',
    hide: ['strategy', 'palette', 'seeds'],
    setup() {
      const cfg = onTemplate('ensemble');
      cfg.name = 'Lesson: ensembles';
      return cfg;
    },
    steps: [
      { text: 'Per task, three independently initialised small networks whose outputs are averaged into the head. Nothing is shared between tasks. Press Train.', check: trained('trained the ensemble', (c) => hasKind(c, 'ensemble')) },
      {
        text: 'Click the Ensemble node and set "Members per task" to 1, then train again: one member is a plain single-task network. Averaging several reduces the variance of the prediction.',
        check: trained('trained with one member', (c) => c.graph.nodes.some((n) => n.kind === kindId('ensemble') && n.params.members === 1)),
      },
      { text: `Pick "${tplLabel('hard')}" in the Templates menu and train: sharing one trunk costs far fewer weights. Compare the runs and their sizes in the runs list.`, check: trained('trained hard sharing', (c) => !hasKind(c, 'ensemble')) },
    ],
  },
  {
    id: 'transfer',
    title: 'Transfer: frozen proxy layers and warm start',
    summary: 'Learn a layer on one task, freeze it for the others; then start a new run from the old one’s memory.',
    hide: ['strategy', 'palette', 'dataset', 'seeds'],
    setup() {
      const cfg = onTemplate('hard');
      cfg.name = 'Lesson: transfer';
      // d1 is the "proxy" layer: learned on Side alone, then frozen while every task trains on top of it.
      cfg.schedule = { phase1Steps: Math.floor(cfg.optimizer.steps / 2), phase1Tasks: [cfg.tasks[0].id], freezeInPhase2: ['d1'] };
      return cfg;
    },
    steps: [
      {
        text: 'This experiment has a two-phase schedule (Warm start panel): first only Side trains, then all tasks train with d1 frozen. d1 becomes a proxy layer, learned from one task and reused by the others. Press Train and watch Zone and Height start late.',
        check: trained('trained the two-phase schedule', (c) => !!c.schedule),
      },
      {
        text: 'Now reuse that run as memory. In the Warm start panel choose the run you just trained under "Initialise from": the layers whose shapes match are ticked.',
        check: editing('warm-start source chosen', (c) => !!c.warmStart && c.warmStart.nodes.length > 0),
      },
      {
        text: 'Untick "Two-phase schedule" and press Train. The new run starts from the old weights: its losses begin where the first run ended, not at the top.',
        check: trained('trained from a warm start', (c) => !!c.warmStart && !c.schedule),
      },
    ],
  },
  {
    id: 'loss-weighting',
    title: 'Loss weighting: from fixed α/β to online alignment and gradient methods',
    summary: 'An Embedding → BiLSTM sequence model with α/β-weighted losses, then weights learned online, then gradient surgery.',
    hide: ['palette', 'dataset', 'templates', 'seeds', 'warmstart'],
    setup() {
      const cfg = onDataset('sequences');
      cfg.name = 'Lesson: loss weighting';
      return cfg;
    },
    steps: [
      {
        text: 'Token sequences with three yes/no tasks, read by Embedding → BiLSTM → Dense, shared by all tasks. The loss is α · L(motif) + β · (L(more A) + L(rising)) with α = 1 and β = 0.5: the fixed weights under Loss weighting. Press Train.',
        check: trained('trained with fixed α/β', (c) => c.weighting.kind === 'fixed'),
      },
      {
        text: 'Set the weight of "More A than B" to 0 and train again: that task no longer contributes to the loss, and its validation accuracy stays near chance.',
        check: trained('trained with one weight at 0', (c) => c.weighting.kind === 'fixed' && Object.values(c.weighting.weights).some((w) => w === 0)),
      },
      {
        text: `Choose "${strategyLabel('reward')}" in Loss weighting: at each evaluation, the tasks that improved least gain weight. Train and watch the weight column of the run summary move.`,
        check: trained('trained with online weights', (c) => c.weighting.kind === 'reward'),
      },
      {
        text: `Now a gradient method: choose "${strategyLabel('pcgrad')}". It computes each task’s gradient and removes the parts that conflict. Train, then open the gradient-conflict view.`,
        check: trained('trained with a gradient method', (c) => !!weightingSpec(c.weighting.kind)?.needsGrads),
      },
    ],
  },
  {
    id: 'scarce-labels',
    title: 'Scarce labels: where sharing pays most',
    summary: 'Give one task 5 % of its labels and let the others carry it.',
    hide: ['palette', 'seeds', 'warmstart', 'dataset'],
    setup() {
      const cfg = withStrategy(onTemplate('hard'), 'equal');
      cfg.tasks[0].labelBudget = 0.05;
      cfg.name = 'Lesson: scarce labels';
      return cfg;
    },
    steps: [
      { text: 'Side keeps only 5 % of its training labels (Labels per task); the preview shows the rest as unlabelled. Press Train.', check: trained('trained with 5 % of Side’s labels', (c) => (c.tasks[0].labelBudget ?? 1) <= 0.05) },
      { text: 'Train the single-task baselines: Side alone, with its few labels, does much worse than inside the shared network.', check: baselined('baselines trained', (c) => (c.tasks[0].labelBudget ?? 1) <= 0.05) },
      { text: 'Add label noise to Zone (e.g. 0.3) and train again: validation labels stay clean, so the metrics show what noise in training costs.', check: trained('trained with noisy labels', (c) => (c.tasks[1]?.labelNoise ?? 0) > 0) },
    ],
  },
];

/** The experiment a lesson link opens: the lesson's setup carrying its id and hidden controls. */
export function lessonExperiment(lesson: Lesson): ExperimentConfig {
  return { ...lesson.setup(), lesson: { id: lesson.id, hide: [...lesson.hide] } };
}

/** Lesson lookup by id; undefined for an unknown id (a link from another version). */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
