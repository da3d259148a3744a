/**
 * The open lesson's step-by-step guide: one step at a time with Back/Next, a tick once the step's check passes,
 * and Close, which removes the lesson from the experiment (an undoable edit) and so shows every control again.
 */
import { useMemo, useState } from 'react';
import { HIDE_TARGETS, lessonById, type HideKey, type Lesson, type LessonProgress } from '../../model/lessons';
import { useApp, useAppStore } from '../../state';
import './lessons.css';

export function LessonPanel() {
  const ref = useApp((s) => s.config.lesson);
  const store = useAppStore();
  if (!ref) return null;
  const close = () => store.getState().update((d) => void delete d.lesson);
  const lesson = lessonById(ref.id);
  if (!lesson)
    return (
      <aside className="lesson-panel" aria-label="Lesson" data-testid="lesson-panel" data-lesson={ref.id} data-hide={ref.hide.join(' ')}>
        <p>This link names a lesson (“{ref.id}”) that this version of the app does not have. The experiment opened as it is.</p>
        <CloseButton close={close} hidden={ref.hide.length} />
      </aside>
    );
  // A new lesson starts at its first step.
  return <LessonSteps key={lesson.id} lesson={lesson} close={close} hide={ref.hide} />;
}

function CloseButton({ close, hidden }: { close: () => void; hidden: number }) {
  return (
    <button type="button" data-testid="lesson-close" onClick={close} title={hidden ? 'Close the lesson and show every control again' : 'Close the lesson'}>
      Close lesson
    </button>
  );
}

function LessonSteps({ lesson, close, hide }: { lesson: Lesson; close: () => void; hide: readonly HideKey[] }) {
  const [at, setAtState] = useState(() => savedStep(lesson));
  const setAt = (i: number) => {
    setAtState(i);
    saveStep(lesson, i);
  };
  const [folded, setFolded] = useState(false);
  const config = useApp((s) => s.config);
  const runs = useApp((s) => s.runs);
  const progress: LessonProgress = useMemo(() => ({ config, runs }), [config, runs]);
  const step = lesson.steps[at];
  const done = step.check ? step.check.done(progress) : null;
  const last = at === lesson.steps.length - 1;
  return (
    <aside className="lesson-panel" aria-labelledby="lesson-title" data-testid="lesson-panel" data-lesson={lesson.id} data-step={at} data-folded={folded} data-hide={hide.join(' ')}>
      <header>
        <h2 id="lesson-title">
          <span className="lesson-kicker">Lesson</span> {lesson.title}
        </h2>
        <button type="button" className="lesson-fold" aria-expanded={!folded} data-testid="lesson-fold" onClick={() => setFolded((f) => !f)} title={folded ? 'Show the lesson' : 'Fold the lesson away'}>
          {folded ? 'Show' : 'Fold'}
        </button>
      </header>
      {!folded && (
        <>
          <p className="lesson-count" data-testid="lesson-count" aria-live="polite">
            Step {at + 1} of {lesson.steps.length}
          </p>
          <p className="lesson-text" data-testid="lesson-step-text">
            {step.text}
          </p>
          {step.check && (
            <p className={`lesson-check ${done ? 'done' : ''}`} data-testid="lesson-check" data-done={done}>
              {done ? '✓' : '○'} {step.check.label}
            </p>
          )}
          <div className="buttons">
            <button type="button" data-testid="lesson-back" disabled={at === 0} onClick={() => setAt(at - 1)}>
              Back
            </button>
            <button type="button" className={done ? 'primary' : ''} data-testid="lesson-next" disabled={last} onClick={() => setAt(at + 1)}>
              Next
            </button>
            <CloseButton close={close} hidden={hide.length} />
          </div>
          {hide.length > 0 && (
            <p className="hint" data-testid="lesson-hidden">
              Hidden for this lesson: {hide.map((k) => HIDE_TARGETS[k].label).join(', ')}. Close the lesson to see everything.
            </p>
          )}
        </>
      )}
    </aside>
  );
}

/** sessionStorage key of a lesson's current step: a reload of the tab returns to it, a new tab starts at step 1. */
const stepKey = (lesson: Lesson) => `mtl-lesson-step:${lesson.id}`;

/** The step this tab was at in `lesson` (0 when none, unreadable or out of range). */
function savedStep(lesson: Lesson): number {
  try {
    const n = Number(sessionStorage.getItem(stepKey(lesson)));
    return Number.isInteger(n) && n >= 0 && n < lesson.steps.length ? n : 0;
  } catch {
    return 0; // storage refused (privacy mode): start at the first step
  }
}

function saveStep(lesson: Lesson, i: number): void {
  try {
    sessionStorage.setItem(stepKey(lesson), String(i));
  } catch {
    // storage refused: the step is simply not remembered
  }
}
