/** Axis helpers for the canvas charts. */

/** About `count` round tick values (1, 2, 5 × 10ᵏ steps) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let k = first; k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** Short label for an axis or tooltip value. */
export function fmtNum(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 10000) return `${(v / 1000).toFixed(0)}k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return Number(v.toPrecision(3)).toString();
  return Number(v.toPrecision(2)).toString();
}

/** A rate in steps/s as text: whole numbers from 10 up, one decimal below, two below 0.1 (a slow run is never "0"). */
export function fmtRate(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return '–';
  if (v >= 10) return Math.round(v).toLocaleString('en-US');
  return v >= 0.1 ? v.toFixed(1) : v.toFixed(2);
}
