/** One parameter input, generated from its descriptor in the model registry. */
import type { ParamSpec, ParamValue, TaskSpec } from '../../model';
import { coerceParam } from '../../model';
import { NumberInput } from './NumberField';

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  tasks: TaskSpec[];
  onChange: (v: ParamValue) => void;
  testId?: string;
}

export function ParamField({ spec, value, tasks, onChange, testId }: Props) {
  const id = testId ?? `param-${spec.key}`;
  let input;
  switch (spec.type) {
    case 'int':
    case 'float':
      // Typed values commit only when valid; an invalid one gets a message in place (see NumberInput).
      input = (
        <NumberInput
          id={id}
          testId={id}
          min={spec.min}
          max={spec.max}
          integer={spec.type === 'int'}
          step={spec.type === 'int' ? 1 : spec.step}
          value={Number(coerceParam(spec, value))}
          onCommit={onChange}
        />
      );
      break;
    case 'select':
      input = (
        <select id={id} data-testid={id} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
      break;
    case 'task':
      input = (
        <select id={id} data-testid={id} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">— choose a task —</option>
          {tasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.kind})
            </option>
          ))}
        </select>
      );
      break;
    case 'bool':
      input = <input id={id} data-testid={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
      break;
  }
  return (
    <label className="field" htmlFor={id} title={spec.help}>
      <span>{spec.label}</span>
      {input}
    </label>
  );
}
