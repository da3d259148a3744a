/**
 * Confusion matrix of a classification task on the validation set: rows are true classes, columns predicted ones.
 * Up to TABLE_MAX classes it is a table of counts; beyond, a heat map (one pixel block per cell) with the most
 * confused pairs and the classes with the lowest recall, so a 1,000-class task stays readable and fast.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { arrayMax, type TaskSpec } from '../../model';
import { readoutClass } from '../../state';
import { classRecall, confusionMatrix, topConfusions } from './insightMath';
import { canvasSource, PngButton, tableSource } from './PngButton';
import { useCanvasTheme } from './theme';

const TABLE_MAX = 24;

/** `names`: the task's class names in class order (see taskClassNames); rows, columns and lists are labelled with them. */
export const ConfusionMatrix = memo(function ConfusionMatrix({ task, pred, truth, names }: { task: TaskSpec; pred: Float32Array; truth: Float32Array; names: readonly string[] }) {
  const C = task.kind === 'multiclass' ? task.classes : 2;
  const m = useMemo(() => confusionMatrix(truth, Array.from(pred, (v) => readoutClass(task.kind, v)), C), [truth, pred, task.kind, C]);
  const total = m.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
  const right = m.reduce((a, row, i) => a + row[i], 0);
  return (
    <figure className="chart confusion" data-testid={`confusion-${task.id}`} data-total={total} data-classes={C}>
      <figcaption>
        <strong>{task.name}</strong> · confusion matrix (validation)
        <span className="chart-stats">
          accuracy {total ? ((100 * right) / total).toFixed(1) : '—'}% of {total}
        </span>
      </figcaption>
      {C <= TABLE_MAX ? <CountTable task={task} m={m} names={names} /> : <LargeMatrix task={task} m={m} names={names} />}
    </figure>
  );
});

/** A class's name for a header: at most 14 characters (the whole name in the tooltip). */
const short = (name: string) => (name.length > 14 ? `${name.slice(0, 13)}…` : name);
const nameOf = (names: readonly string[], c: number) => names[c] ?? String(c);

function CountTable({ task, m, names }: { task: TaskSpec; m: number[][]; names: readonly string[] }) {
  const max = Math.max(1, arrayMax(m.flat()));
  // On a dark panel the light text keeps a 4.5:1 contrast only over a fainter tint.
  const [diag, off] = useCanvasTheme().dark ? [0.4, 0.5] : [0.75, 0.7];
  const tableRef = useRef<HTMLTableElement>(null);
  return (
    <>
      <PngButton
        source={() => tableSource(tableRef.current)}
        meta={{ title: `${task.name}: confusion matrix (validation)`, xLabel: 'predicted class', yLabel: 'true class' }}
        name={`confusion-${task.name}`}
        testId={`png-confusion-${task.id}`}
      />
      <table className="cm" ref={tableRef}>
        <thead>
          <tr>
            <th title="rows: true class, columns: predicted class">true \ pred</th>
            {m.map((_, j) => (
              <th key={j} scope="col" title={`predicted ${nameOf(names, j)} (class ${j})`} data-testid="cm-col">
                {short(nameOf(names, j))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.map((row, i) => (
            <tr key={i}>
              <th scope="row" title={`true ${nameOf(names, i)} (class ${i})`} data-testid="cm-row">
                {short(nameOf(names, i))}
              </th>
              {row.map((v, j) => (
                <td
                  key={j}
                  data-testid="cm-cell"
                  data-count={v}
                  style={{ background: i === j ? `rgba(43,182,115,${(0.15 + (diag * v) / max).toFixed(2)})` : `rgba(209,69,59,${((off * v) / max).toFixed(2)})` }}
                >
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Side of the heat map in pixels; with more classes than this, each pixel shows the largest of a block of cells. */
const MAP_PX = 300;

function LargeMatrix({ task, m, names }: { task: TaskSpec; m: number[][]; names: readonly string[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const C = m.length;
  const dark = useCanvasTheme().dark;
  const top = useMemo(() => topConfusions(m, 10), [m]);
  const worst = useMemo(
    () =>
      classRecall(m)
        .map((r, c) => ({ c, r }))
        .filter((x) => Number.isFinite(x.r))
        .sort((a, b) => a.r - b.r || a.c - b.c)
        .slice(0, 10),
    [m],
  );
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const side = Math.min(MAP_PX, C);
    canvas.width = side;
    canvas.height = side;
    const img = ctx.createImageData(side, side);
    const block = C / side;
    const cell = new Float64Array(side * side);
    const diag = new Uint8Array(side * side);
    for (let i = 0; i < C; i++)
      for (let j = 0; j < C; j++) {
        const k = Math.floor(i / block) * side + Math.floor(j / block);
        if (m[i][j] > cell[k]) cell[k] = m[i][j];
        if (i === j && m[i][j] > 0) diag[k] = 1;
      }
    const max = Math.max(1, arrayMax(cell));
    // An empty cell is the panel's colour (white, or the dark panel); a full one the class colour.
    const base = dark ? [24, 28, 34] : [255, 255, 255];
    for (let k = 0; k < cell.length; k++) {
      const a = cell[k] / max;
      const rgb = diag[k] ? [43, 182, 115] : [209, 69, 59];
      img.data.set([...rgb.map((c, i) => base[i] + (c - base[i]) * a), 255], 4 * k);
    }
    ctx.putImageData(img, 0, 0);
  }, [m, C, dark]);
  return (
    <div className="cm-large">
      <PngButton
        source={() => canvasSource(ref.current)}
        meta={{ title: `${task.name}: confusion matrix (validation, ${C} classes)`, xLabel: 'predicted class', yLabel: 'true class' }}
        name={`confusion-${task.name}`}
        testId={`png-confusion-${task.id}`}
      />
      <canvas ref={ref} className="cm-map" data-testid={`cm-map-${task.id}`} title={`${C}×${C} cells${C > MAP_PX ? `, each pixel the largest of a ${(C / MAP_PX).toFixed(1)}-class block` : ''}; rows true, columns predicted`} />
      <div className="cm-lists">
        <table className="cm-top" data-testid={`cm-top-${task.id}`}>
          <caption>Most confused (true → predicted)</caption>
          <tbody>
            {top.map((x) => (
              <tr key={`${x.truth}-${x.pred}`}>
                <td>
                  {nameOf(names, x.truth)} → {nameOf(names, x.pred)}
                </td>
                <td>{x.count}</td>
              </tr>
            ))}
            {top.length === 0 && (
              <tr>
                <td>no confusions</td>
              </tr>
            )}
          </tbody>
        </table>
        <table className="cm-top">
          <caption>Lowest recall</caption>
          <tbody>
            {worst.map((x) => (
              <tr key={x.c}>
                <td>{nameOf(names, x.c)}</td>
                <td>{(100 * x.r).toFixed(0)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
