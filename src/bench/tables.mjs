// Markdown tables of the benchmark's results (run-bench.mjs prints them; bench.json keeps the numbers).

/** A number with d decimals, or — when it is missing. */
export const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');

/** Steps/s with a sensible number of decimals (0.37, 4.2, 1234). */
export const rate = (n) => fmt(n, n < 1 ? 2 : n < 100 ? 1 : 0);

/** Print rows as a Markdown table under a header row. */
export function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

/** One cell of the workload table: steps/s, the engine Auto picked, or why the cell has no figure. */
function cell(r) {
  if (!r) return '';
  if (r.unsupported) return `n/a (→ ${r.backend})`;
  if (r.error) return 'failed';
  const s = rate(r.stepsPerSec);
  return r.requested === 'auto' ? `${s} (${r.backend})` : s;
}

/**
 * Workloads × backends in steps/s; with PyTorch figures, its steps/s and the ratios app/PyTorch of Auto and of
 * the fastest explicit backend (a ratio above 1 means the app is faster).
 */
export function printWorkloads(workloads, backends, results, torch) {
  const head = ['workload', 'batch', ...backends, ...(torch ? ['PyTorch', 'auto / PyTorch', 'best / PyTorch'] : [])];
  const rows = workloads.map((w) => {
    const mine = results.filter((r) => r.workload === w);
    const cells = backends.map((b) => cell(mine.find((r) => r.requested === b)));
    const row = [w, mine[0]?.batch ?? '', ...cells];
    if (!torch) return row;
    const t = torch.find((x) => x.workload === w);
    const ok = mine.filter((r) => !r.error && r.stepsPerSec > 0);
    const auto = ok.find((r) => r.requested === 'auto');
    const best = ok.filter((r) => r.requested !== 'auto').sort((a, b) => b.stepsPerSec - a.stepsPerSec)[0];
    const ratio = (r) => (r && t?.stepsPerSec ? `${fmt(r.stepsPerSec / t.stepsPerSec, 2)}×` : '—');
    return [...row, t?.stepsPerSec ? rate(t.stepsPerSec) : (t?.error ?? 'skipped'), ratio(auto), best ? `${ratio(best)} (${best.backend})` : '—'];
  });
  table(head, rows);
}

/** The strategies' steps/s per engine and relative to equal weighting on the same engine. */
export function printStrategies(list, engines) {
  const equal = list.find((r) => r.weighting === 'equal');
  const head = ['strategy', ...engines.flatMap((b) => [`${b} steps/s`, `${b} vs equal`])];
  const rows = list.map((r) => [r.weighting, ...engines.flatMap((b) => [fmt(r[b], 0), equal?.[b] && r[b] ? `${fmt(r[b] / equal[b], 2)}×` : '—'])]);
  console.log('');
  table(head, rows);
}

/** The app-page smoothness results. */
export function printSmoothness(list) {
  console.log('\nApp page while training (viewport 1440×1000; idle page for comparison in bench.json)\n');
  const head = ['backend', 'steps/s in app', 'fps', 'frame p50/p95/max ms', 'long tasks ms/s'];
  const rows = list.map((r) => {
    const name = r.backend && r.backend !== r.requested ? `${r.requested} (ran on ${r.backend})` : r.requested;
    if (r.error) return [name, 'failed', r.error, '', ''];
    return [name, fmt(r.stepsPerSecShown), fmt(r.fps, 1), `${fmt(r.frameP50, 1)} / ${fmt(r.frameP95, 1)} / ${fmt(r.frameMax)}`, r.longTaskSupported ? fmt(r.longTaskMsPerSec) : 'n/a'];
  });
  table(head, rows);
}
