/**
 * A formula typeset by KaTeX. KaTeX (≈270 kB) loads on first use in its own chunk; until then, and if it fails,
 * the plain-text fallback shows. The TeX is the app's own text, never user input.
 */
import { useEffect, useState } from 'react';

type Render = (tex: string, opts: { throwOnError: boolean; displayMode: boolean; output: 'html' }) => string;
let loading: Promise<Render> | null = null;

function loadKatex(): Promise<Render> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([k]) => k.default.renderToString as Render);
  return loading;
}

/** `tex` in KaTeX's TeX dialect; `text` the readable fallback (also the accessible name of the formula). */
export function Tex({ tex, text, display = false, testId }: { tex: string; text: string; display?: boolean; testId?: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadKatex()
      .then((render) => live && setHtml(render(tex, { throwOnError: false, displayMode: display, output: 'html' })))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [tex, display]);
  if (html === null)
    return (
      <span className="tex tex-fallback" data-testid={testId}>
        {text}
      </span>
    );
  return <span className="tex" data-testid={testId} data-typeset="katex" aria-label={text} role="img" dangerouslySetInnerHTML={{ __html: html }} />;
}
