import { describe, expect, it } from 'vitest';
import { composePng, exportScale, MIN_CHART_PX, pngLayout, TITLE_FONT, wrapWords, type ComposeContext, type ComposeTarget } from './pngCompose';

/** 10 px per character, whatever the font: layouts become hand-checkable. */
const measure = (t: string) => 10 * t.length;

/** A target canvas whose context records what is drawn (text, images, stroke colours). */
function recorder(): ComposeTarget & { texts: { text: string; x: number; y: number; font: string; fill: unknown }[]; images: number[][]; strokes: unknown[]; rects: unknown[] } {
  const rec = { texts: [] as { text: string; x: number; y: number; font: string; fill: unknown }[], images: [] as number[][], strokes: [] as unknown[], rects: [] as unknown[] };
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    font: '',
    lineWidth: 1,
    textAlign: 'left' as CanvasTextAlign,
    textBaseline: 'top' as CanvasTextBaseline,
    imageSmoothingEnabled: true,
    fillRect: (...a: number[]) => void rec.rects.push([ctx.fillStyle, ...a]),
    fillText: (text: string, x: number, y: number) => void rec.texts.push({ text, x, y, font: ctx.font, fill: ctx.fillStyle }),
    drawImage: (_img: unknown, ...a: number[]) => void rec.images.push(a),
    measureText: (t: string) => ({ width: measure(t) }) as TextMetrics,
    beginPath: () => {},
    moveTo: () => {},
    lineTo: () => {},
    stroke: () => void rec.strokes.push(ctx.strokeStyle),
    setLineDash: () => {},
    save: () => {},
    restore: () => {},
    translate: () => {},
    rotate: () => {},
  };
  return { width: 300, height: 150, getContext: () => ctx as unknown as ComposeContext, ...rec };
}

describe('PNG composition', () => {
  it('exports at 2× to 3× the size: a 377 px chart at MIN_CHART_PX wide', () => {
    expect(exportScale(377)).toBeCloseTo(MIN_CHART_PX / 377);
    expect(exportScale(600)).toBe(2);
    expect(exportScale(120)).toBe(3);
    expect(377 * exportScale(377)).toBeCloseTo(800);
  });

  it('lays out title, chart, x caption and legend top to bottom, the y caption at the left (hand-worked)', () => {
    const L = pngLayout(800, 320, { title: 'Side', xLabel: 'step', yLabel: 'loss', legend: [{ label: 'train loss', colour: '#00f' }, { label: 'val loss', colour: '#f80' }] }, measure);
    // left = margin 24 + y caption 18 + 12 = 54; chart top = 24 + one title line (26 + 6) + 8 = 64
    expect(L.chart).toEqual({ x: 54, y: 64, w: 800, h: 320 });
    expect(L.title).toEqual({ x: 54, y: 24, lines: ['Side'] });
    expect(L.xLabel).toEqual({ x: 454, y: 394 }); // 64 + 320 + 10
    expect(L.yLabel).toEqual({ x: 33, y: 224 }); // 24 + 18 / 2, 64 + 320 / 2
    // legend below the x caption (394 + 18 + 12); the second entry after swatch 28 + 8 + 100 px of text + gap 22
    expect(L.legend.map((e) => [e.x, e.y])).toEqual([
      [54, 424],
      [212, 424],
    ]);
    expect(L.width).toBe(878); // 54 + 800 + 24
    expect(L.height).toBe(466); // 424 + 18 + 10 + 24 - 10
  });

  it('wraps a long legend and a long title to the chart width', () => {
    const legend = Array.from({ length: 6 }, (_, i) => ({ label: `run number ${i}`, colour: '#000' }));
    const L = pngLayout(400, 100, { title: 'a very long title that goes on and on and on and on', legend }, measure);
    expect(new Set(L.legend.map((e) => e.y)).size).toBeGreaterThan(1);
    for (const e of L.legend) expect(e.x + 28 + 8 + measure(e.item.label)).toBeLessThanOrEqual(L.chart.x + 400);
    expect(L.title.lines.length).toBeGreaterThan(1);
    for (const line of L.title.lines) expect(measure(line)).toBeLessThanOrEqual(400);
    expect(wrapWords('one two three', 70, measure)).toEqual(['one two', 'three']);
  });

  it('draws the chart image, the title, both axis names and every legend label in its colour', () => {
    const t = recorder();
    const meta = { title: 'Zone: training curves', xLabel: 'step', yLabel: 'loss', legend: [{ label: 'train loss', colour: '#2f6fde' }, { label: 'val accuracy', colour: '#2bb673', dashed: true }] };
    const L = composePng(t, {} as CanvasImageSource, 800, 320, meta, { bg: '#fff', text: '#111' }, (s) => measure(s));
    expect([t.width, t.height]).toEqual([L.width, L.height]);
    expect(t.rects[0]).toEqual(['#fff', 0, 0, L.width, L.height]); // the background first
    expect(t.images).toEqual([[L.chart.x, L.chart.y, 800, 320]]);
    expect(t.texts.map((x) => x.text)).toEqual(['Zone: training curves', 'step', 'loss', 'train loss', 'val accuracy']);
    expect(t.texts[0].font).toBe(TITLE_FONT);
    expect(t.texts.every((x) => x.fill === '#111')).toBe(true);
    expect(t.strokes).toEqual(['#2f6fde', '#2bb673']);
  });

  it('without axis names or legend only the title goes above the chart', () => {
    const t = recorder();
    composePng(t, {} as CanvasImageSource, 500, 200, { title: 'Only a title' }, { bg: '#000', text: '#eee' }, measure);
    expect(t.texts.map((x) => x.text)).toEqual(['Only a title']);
  });
});
