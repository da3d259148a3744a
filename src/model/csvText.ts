/** Writing CSV that is safe to open in a spreadsheet. */

/**
 * One CSV field. A number is written as is (non-finite → empty). Text that a spreadsheet would run as a formula
 * (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return; OWASP's CSV-injection guidance) gets a leading
 * `'`; text with a comma, quote or line break is quoted with doubled quotes.
 */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Largest / smallest finite-or-not element without spreading into arguments (safe for any length); `empty` for []. */
export function arrayMax(xs: ArrayLike<number>, empty = -Infinity): number {
  let m = xs.length ? -Infinity : empty;
  for (let i = 0; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  return m;
}

/** See arrayMax. */
export function arrayMin(xs: ArrayLike<number>, empty = Infinity): number {
  let m = xs.length ? Infinity : empty;
  for (let i = 0; i < xs.length; i++) if (xs[i] < m) m = xs[i];
  return m;
}
