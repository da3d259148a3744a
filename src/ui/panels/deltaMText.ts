/** The words and formulas of Δm% and of the paired comparison, per convention and method (the app's own text). */
import type { DeltaMConvention, PairedMethod, TaskSpec } from '../../model';

/** The convention's name and whose it is. */
export const CONVENTION_LABEL: Record<DeltaMConvention, string> = {
  'per-task': 'per task first (LibMTL)',
  'all-metrics': 'over all metrics (Nash-MTL, FAMO)',
};

/** Δm% under each convention: readable text (also the formula's accessible name) and TeX. */
export const DELTA_M_FORMULAS: Record<DeltaMConvention, { text: string; tex: string }> = {
  'per-task': {
    text: 'Δm% = (1/T)·Σₜ (1/Kₜ)·Σₖ (−1)^lₜₖ·(Mₜₖ − Bₜₖ)/Bₜₖ·100',
    tex: String.raw`\Delta_m\% = \frac{1}{T}\sum_{t=1}^{T}\frac{1}{K_t}\sum_{k=1}^{K_t}(-1)^{l_{tk}}\,\frac{M_{tk}-B_{tk}}{B_{tk}}\cdot 100`,
  },
  'all-metrics': {
    text: 'Δm% = (1/K)·Σₜ Σₖ (−1)^lₜₖ·(Mₜₖ − Bₜₖ)/Bₜₖ·100, K = Σₜ Kₜ',
    tex: String.raw`\Delta_m\% = \frac{1}{K}\sum_{t=1}^{T}\sum_{k=1}^{K_t}(-1)^{l_{tk}}\,\frac{M_{tk}-B_{tk}}{B_{tk}}\cdot 100,\quad K=\sum_t K_t`,
  },
};

/** The paired interval of the mean difference d̄ = mean over seeds of B − A, per method: text and TeX. */
export const PAIRED_FORMULAS: Record<PairedMethod, { text: string; tex: string }> = {
  t: {
    text: 'd̄ ± t₀.₉₇₅,ₙ₋₁ · s_d/√n, dₛ = Bₛ − Aₛ over the n shared seeds s',
    tex: String.raw`\bar d \pm t_{0.975,\,n-1}\,\frac{s_d}{\sqrt n},\qquad d_s = B_s - A_s`,
  },
  bootstrap: {
    text: '[q₀.₀₂₅, q₀.₉₇₅] of d̄* over 10,000 resamples of the n seed pairs with replacement, dₛ = Bₛ − Aₛ',
    tex: String.raw`\left[\,q_{0.025}(\bar d^{*}),\ q_{0.975}(\bar d^{*})\,\right],\qquad \bar d^{*} = \tfrac{1}{n}\textstyle\sum_{i} d_{s_i^{*}},\ d_s = B_s - A_s`,
  },
};

/** What a task counts in Δm%, in words. */
export function deltaMetricsText(t: Pick<TaskSpec, 'kind'>): string {
  return t.kind === 'regression' ? 'RMSE' : 'accuracy and cross-entropy';
}

/** A number ± half-width with `digits` decimals; '–' when not finite, the bare mean when the interval is unknown (one seed). */
export function fmtPm(mean: number, half: number, digits: number, unit = ''): string {
  if (!Number.isFinite(mean)) return '–';
  // A typographic minus, as fmtDelta writes it.
  const m = `${mean.toFixed(digits).replace(/^-/, '−')}${unit}`;
  return Number.isFinite(half) ? `${m} ± ${half.toFixed(digits)}${unit}` : m;
}
