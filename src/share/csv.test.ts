import { describe, expect, it } from 'vitest';
import { defaultCsvConfig, firstNonNumeric, inferTarget, numericTypos, summariseColumns } from './csv';
import { parseCsv } from './csvParse';

const good = 'x1,x2,colour,score\n1,2,red,0.5\n2,3.5,blue,1.5\n3,,red,2.25\n4,1,green,\n';

describe('CSV parsing', () => {
  it('parses a good file and infers target kinds', () => {
    const r = parseCsv(good, 'g.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.columns).toEqual(['x1', 'x2', 'colour', 'score']);
    expect(r.table.rows.length).toBe(4);
    const s = summariseColumns(r.table);
    expect(s.map((c) => c.numeric)).toEqual([true, true, false, true]);
    expect(s[1].missing).toBe(1);
    expect(inferTarget(s[2])).toEqual({ kind: 'multiclass', classes: 3 });
    expect(inferTarget(s[3])).toEqual({ kind: 'multiclass', classes: 3 }); // 3 distinct numbers ≤ 10 → classes
    const many = parseCsv('a,b\n' + Array.from({ length: 30 }, (_, i) => `${i},${i * 1.5}`).join('\n'), 'm.csv');
    expect(many.ok && inferTarget(summariseColumns(many.table)[1])).toEqual({ kind: 'regression', classes: 1 });
    const yn = parseCsv('a,b\n1,yes\n2,no\n3,yes', 'y.csv');
    expect(yn.ok && inferTarget(summariseColumns(yn.table)[1])).toEqual({ kind: 'binary', classes: 2 });
    expect(yn.ok && defaultCsvConfig(yn.table)).toEqual({ kind: 'csv', fileName: 'y.csv', inputs: ['a'], targets: [{ column: 'b', kind: 'binary', classes: 2 }], valFraction: 0.25 });
  });

  it('names row and column of a bad file', () => {
    const r = parseCsv('a,b,c\n1,2,3\n4,5\n', 'bad.csv');
    expect(r).toEqual({ ok: false, message: 'bad.csv: row 3 has 2 fields but the header has 3 (column "c" is missing)' });
    expect(parseCsv('a,a\n1,2', 'd.csv')).toMatchObject({ ok: false, message: expect.stringContaining('row 1, column 2: the header name "a" appears twice') });
    expect(parseCsv('', 'e.csv')).toMatchObject({ ok: false, message: 'e.csv: the file is empty' });
    expect(parseCsv('a,b\n', 'h.csv')).toMatchObject({ ok: false, message: expect.stringContaining('no data rows') });
    expect(parseCsv('x'.repeat(5_000_001), 'big.csv')).toMatchObject({ ok: false, message: expect.stringContaining('larger than 5 MB') });
    const t = parseCsv('a,b\n1,2\nfoo,3', 'n.csv');
    expect(t.ok && firstNonNumeric(t.table, 'a')).toBe('row 3, column "a": "foo" is not a number');
  });

  it('a file with no usable target is refused with a message', () => {
    const r = parseCsv('name,id\n' + Array.from({ length: 30 }, (_, i) => `n${i},k${i}`).join('\n'), 'x.csv');
    expect(r.ok && defaultCsvConfig(r.table)).toMatch(/no column can be a target/);
  });
});

describe('csv share links', () => {
  it('round-trip the column choices; the old synthetic2d links still decode', async () => {
    const { encodeExperiment, decodeExperiment } = await import('./codec');
    const { defaultExperiment, datasetTasks } = await import('../model');
    const cfg = defaultExperiment() as import('../model').ExperimentConfig;
    cfg.dataset = { kind: 'csv', fileName: 'g.csv', inputs: ['x1'], targets: [{ column: 'colour', kind: 'multiclass', classes: 3 }], valFraction: 0.25 };
    cfg.tasks = datasetTasks(cfg.dataset).map((t) => ({ ...t, labelBudget: 0.5, labelNoise: 0.1 }));
    const res = decodeExperiment(encodeExperiment(cfg));
    expect(res.ok && res.config.dataset).toEqual(cfg.dataset);
    expect(res.ok && res.config.tasks).toEqual(cfg.tasks);
    const old = decodeExperiment(encodeExperiment(defaultExperiment()));
    expect(old.ok && old.config).toEqual(defaultExperiment());
  });
});

describe('numeric typos', () => {
  const table = (rows: string[][]) => ({ fileName: 't.csv', columns: ['a', 'b'], rows });
  it('names the row (file line) and column of the first non-number in a mostly numeric column', () => {
    const nums = ['1', '2', '4', '5', '6', '7', '8', '9'].map((v) => [v, 'x']);
    const t = table([nums[0], nums[1], ['3,5', 'y'], ...nums.slice(2), ['oops', 'y']]);
    const w = numericTypos(t);
    expect(w).toHaveLength(1);
    // the header is line 1 of the file, so the third data row is row 4; 8 numbers against 2 others = 80%
    expect(w[0]).toContain('row 4, column "a": "3,5" is not a number (and 1 more cell)');
  });
  it('flags a column when ≥ 80% of its cells are numbers, and not a text column', () => {
    const t = table([['1', 'x'], ['2', 'y'], ['3', 'x'], ['4', 'y'], ['n/a', 'x'], ['', 'y']]);
    expect(numericTypos(t)).toEqual([
      't.csv: row 6, column "a": "n/a" is not a number; the other 4 cells are numbers, so the column is read as text and cannot be an input. Fix the cell or leave it empty (empty = missing).',
    ]);
    expect(numericTypos(table([['1', 'x'], ['2', 'y'], ['3', 'z'], ['4', 'x']]))).toEqual([]);
    // half numbers, half text: a text column, not a typo
    expect(numericTypos(table([['1', 'x'], ['a', 'y'], ['2', 'z'], ['b', 'x']]))).toEqual([]);
  });
});
