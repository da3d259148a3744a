/** The top bar's "Lessons" menu: one ordinary share link per lesson (so each can be opened, copied and shared). */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { LESSONS } from '../../model/lessons';
import { lessonHash } from '../../state';
import './lessons.css';

export function LessonsMenu() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  // Encoded once: the lessons are fixed data.
  const links = useMemo(() => LESSONS.map((l) => ({ lesson: l, href: lessonHash(l) })), []);
  // Clicking elsewhere closes the menu, as a menu does.
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  return (
    <div
      className="lessons-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button type="button" data-testid="lessons-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} title="Guided lessons on multi-task learning">
        Lessons
      </button>
      <nav id={id} className="lessons-list" aria-label="Lessons" hidden={!open} data-testid="lessons-list">
        <ol>
          {links.map(({ lesson, href }) => (
            <li key={lesson.id}>
              <a href={href} data-testid={`lesson-link-${lesson.id}`} data-lesson={lesson.id} onClick={() => setOpen(false)}>
                <strong>{lesson.title}</strong>
                <span>{lesson.summary}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
