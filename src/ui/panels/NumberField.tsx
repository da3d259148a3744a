/**
 * Number inputs that let the user type freely and commit only valid values. An invalid entry is never reverted
 * silently: it stays in the field, marked aria-invalid, with a message beside it saying what is allowed and which
 * value is still in use (Escape puts that value back).
 */
import { useEffect, useId, useState } from 'react';

interface InputProps {
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  testId: string;
  /** the input's id (for a label's htmlFor) */
  id?: string;
  onCommit: (v: number) => void;
}

/** Why `text` is not a valid value in [min, max] (whole when `integer`), or null when it is. */
export function numberProblem(text: string, min: number, max: number, integer = false): string | null {
  const v = Number(text);
  const range = `between ${min} and ${max}${integer ? ', a whole number' : ''}`;
  if (text.trim() === '' || !Number.isFinite(v)) return `Enter a number ${range}.`;
  if (v < min || v > max || (integer && !Number.isInteger(v))) return `Must be ${range}.`;
  return null;
}

/** The input and its in-place message; valid values commit as they are typed. */
export function NumberInput({ value, min, max, step, integer, testId, id, onCommit }: InputProps) {
  const [text, setText] = useState(String(value));
  const [left, setLeft] = useState(false);
  const msgId = useId();
  useEffect(() => setText(String(value)), [value]);
  const problem = numberProblem(text, min, max, integer);
  const revert = () => {
    setText(String(value));
    setLeft(false);
  };
  return (
    <>
      <input
        id={id}
        data-testid={testId}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? msgId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setLeft(false);
          if (numberProblem(e.target.value, min, max, integer) === null) onCommit(Number(e.target.value));
        }}
        onBlur={() => setLeft(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') revert();
          if (e.key === 'Enter') setLeft(true);
        }}
      />
      {problem && (
        <em className="field-error" id={msgId} data-testid={`${testId}-error`} aria-live="polite">
          {problem}
          {left ? ` Not applied: still ${value} (Esc restores it).` : ''}
        </em>
      )}
    </>
  );
}

interface Props extends InputProps {
  label: string;
  title?: string;
}

/** A labelled NumberInput. */
export function NumberField({ label, title, ...input }: Props) {
  return (
    <label className="field" title={title}>
      <span>{label}</span>
      <NumberInput {...input} />
    </label>
  );
}
