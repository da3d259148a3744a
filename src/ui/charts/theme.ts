/** Colours for canvas drawing from the page's theme (the --canvas-* variables of src/app/theme.css), light or dark. */
import { useEffect, useState } from 'react';

export interface CanvasTheme {
  /** background of a plot area */
  plot: string;
  /** grid lines */
  grid: string;
  /** tick labels and captions */
  text: string;
  /** axes, markers, the hover line */
  axis: string;
  /** a strong neutral line (e.g. the combined loss) */
  ink: string;
  /** the outline of scatter points */
  pointEdge: string;
  /** the panel behind a chart (what a PNG export is painted on) */
  panel: string;
  dark: boolean;
}

/** The light theme (also what tests without a document get). */
export const LIGHT_THEME: CanvasTheme = {
  plot: '#fafafa',
  grid: '#eceff3',
  text: '#6b7684',
  axis: '#9aa4b1',
  ink: '#333',
  pointEdge: 'rgba(0, 0, 0, 0.25)',
  panel: '#fff',
  dark: false,
};

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme now, read from the root element's CSS variables (each falls back to the light value). */
export function canvasTheme(): CanvasTheme {
  if (typeof document === 'undefined' || typeof getComputedStyle === 'undefined') return LIGHT_THEME;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    plot: v('--canvas-plot', LIGHT_THEME.plot),
    grid: v('--canvas-grid', LIGHT_THEME.grid),
    text: v('--canvas-text', LIGHT_THEME.text),
    axis: v('--canvas-axis', LIGHT_THEME.axis),
    ink: v('--canvas-ink', LIGHT_THEME.ink),
    pointEdge: v('--canvas-point-edge', LIGHT_THEME.pointEdge),
    panel: v('--panel', LIGHT_THEME.panel),
    dark: typeof matchMedia !== 'undefined' && matchMedia(DARK_QUERY).matches,
  };
}

/** The theme, re-read when the system switches between light and dark (so canvases that depend on it redraw). */
export function useCanvasTheme(): CanvasTheme {
  const [theme, setTheme] = useState(canvasTheme);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const q = matchMedia(DARK_QUERY);
    const on = () => setTheme(canvasTheme());
    q.addEventListener('change', on);
    return () => q.removeEventListener('change', on);
  }, []);
  return theme;
}
