/** The app's short explanations of MTL concepts, shown beside each concept by <Explain> (the app's own text). */

/** One concept: a title (the button's accessible name says "What is <title>?"), a few plain sentences, an optional formula. */
export interface Concept {
  title: string;
  text: string;
  /** KaTeX source and its readable fallback (also the formula's accessible name) */
  formula?: { tex: string; text: string };
  /** a sentence after the formula (what its symbols mean) */
  after?: string;
}

export const CONCEPTS = {
  relatedness: {
    title: 'relatedness',
    text:
      'How much the tasks have in common. Every task reads a smooth random field over the plane, mixed from one field all tasks share and one of its own. ' +
      'At 1 all tasks read the same field, so what one task learns helps the others; at 0 each reads its own, and a shared trunk must split its capacity between unrelated functions.',
    formula: { tex: String.raw`h_t = \frac{r\,s + (1-r)\,u_t}{\sqrt{r^2 + (1-r)^2}}`, text: 'hₜ = (r·s + (1−r)·uₜ) / √(r² + (1−r)²)' },
    after: 'r is the relatedness, s the shared field, uₜ task t’s own field.',
  },
  labels: {
    title: 'label budget and label noise',
    text:
      'Budget: the share of training rows that keep this task’s label; the other rows are left out of its loss (but still train the other tasks). ' +
      'Sharing helps most where labels are scarce: the shared layers also learn from the other tasks’ labels. ' +
      'Noise: the share of training labels flipped to another class (regression: the standard deviation of added noise). Validation labels always stay clean, so the metrics show how well a task generalises despite the noise.',
    formula: { tex: String.raw`L_t = \frac{1}{|M_t|}\sum_{i \in M_t} \ell_t(\hat y_{ti}, y_{ti})`, text: 'Lₜ = (1/|Mₜ|) Σ over labelled rows i in Mₜ of ℓₜ(ŷₜᵢ, yₜᵢ)' },
    after: 'Mₜ is the set of rows in the batch that keep task t’s label.',
  },
  sharing: {
    title: 'shared and task-specific layers',
    text:
      'A layer is shared when two or more task heads depend on it: its weights receive the gradients of several losses, so the tasks must agree on what it computes. ' +
      'A task-specific layer feeds one head only and learns for that task alone. Hard sharing shares the whole trunk; single-task towers share nothing; cross-stitch, MTAN, MMoE and CGC sit in between and learn how much to share.',
  },
  conflict: {
    title: 'gradient conflict',
    text:
      'Each task’s loss pulls the shared weights in its own direction gᵢ. Two tasks conflict when those directions disagree (their cosine is below 0): a step that helps one hurts the other. ' +
      'Gradient methods such as PCGrad, MGDA or CAGrad change how the directions are combined to avoid that; loss weighting only rescales them.',
    formula: { tex: String.raw`\cos(g_i, g_j) = \frac{g_i \cdot g_j}{\lVert g_i\rVert\,\lVert g_j\rVert}`, text: 'cos(gᵢ, gⱼ) = gᵢ·gⱼ / (‖gᵢ‖ ‖gⱼ‖)' },
    after: 'gᵢ is task i’s gradient of the shared parameters; the heatmap shows this cosine for every pair.',
  },
  weighting: {
    title: 'loss weighting and gradient methods',
    text:
      'All tasks train together on one combined objective. Loss weighting picks the weights wₜ: fixed (the α/β of a paper), or adapted online from the losses (uncertainty, DWA, reward-driven). ' +
      'Gradient methods go further: they compute each task’s gradient of the shared layers and combine them (PCGrad projects out conflicts, MGDA finds a common descent direction), at the cost of T backward passes per step.',
    formula: { tex: String.raw`L = \sum_{t=1}^{T} w_t\,L_t`, text: 'L = Σₜ wₜ · Lₜ' },
    after: 'Lₜ is cross-entropy for classification and mean squared error for regression.',
  },
  deltaM: {
    title: 'Δm%',
    text:
      'The multi-task gain: how much better (positive) or worse (negative) each task’s final validation metrics are than those of the same task trained alone (its single-task baseline, same data, seed and budget), averaged over tasks, in percent. ' +
      'Train single-task baselines to see it.',
    formula: {
      tex: String.raw`\Delta_m\% = \frac{1}{T}\sum_{t=1}^{T}\frac{1}{K_t}\sum_{k=1}^{K_t}(-1)^{l_{tk}}\,\frac{M_{tk}-B_{tk}}{B_{tk}}\cdot 100`,
      text: 'Δm% = (1/T)·Σₜ (1/Kₜ)·Σₖ (−1)^lₜₖ·(Mₜₖ − Bₜₖ)/Bₜₖ·100',
    },
    after: 'Mₜₖ is the multi-task run’s metric k of task t, Bₜₖ the baseline’s, lₜₖ = 1 when lower is better (loss, RMSE).',
  },
} as const satisfies Record<string, Concept>;

export type ConceptId = keyof typeof CONCEPTS;
