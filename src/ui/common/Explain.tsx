/**
 * A "?" disclosure beside a concept: a real button (Tab, Enter, Space) with aria-expanded that shows a short
 * explanation, with its formula typeset by KaTeX, in place (not a hover tooltip). Escape closes it.
 */
import { useId, useState } from 'react';
import { CONCEPTS, type ConceptId } from './concepts';
import { Tex } from './Tex';
import './explain.css';

/** `concept`: which explanation; `open`: initially expanded. */
export function Explain({ concept, open: initial = false }: { concept: ConceptId; open?: boolean }) {
  const [open, setOpen] = useState(initial);
  const id = useId();
  const c = CONCEPTS[concept];
  return (
    <span className="explain" data-testid={`explain-${concept}`} data-open={open}>
      <button
        type="button"
        className="explain-btn"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`What is ${c.title}?`}
        title={`What is ${c.title}?`}
        data-testid={`explain-${concept}-toggle`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        ?
      </button>
      <span id={id} className="explain-body" role="note" hidden={!open} data-testid={`explain-${concept}-body`}>
        {open && (
          <>
            {c.text}
            {'formula' in c && (
              <span className="explain-formula">
                <Tex tex={c.formula.tex} text={c.formula.text} display testId={`explain-${concept}-tex`} />
              </span>
            )}
            {'after' in c && c.after}
          </>
        )}
      </span>
    </span>
  );
}
