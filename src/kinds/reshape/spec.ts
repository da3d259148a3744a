/** Reshape: rearranges the features into a new shape of up to three axes; one −1 is inferred. */
import { NEEDS_INPUT, defineKind, fmt, sizeOf, type Shape } from '../../model/nodes/spec';

const dimParam = (i: number, dflt: number) =>
  ({
    key: `d${i}`,
    label: `Dim ${i}`,
    type: 'int',
    min: -1,
    max: 4096,
    default: dflt,
    help: '−1 = inferred from the input size (once); 0 = no such axis (trailing axes only)',
  }) as const;

/** Target shape of a Reshape from its Dim params (trailing zeros dropped), or an error. Sizes are not checked here. */
export function reshapeTarget(p: Record<string, unknown>): Shape | string {
  const dims = [1, 2, 3].map((i) => Number(p[`d${i}`] ?? 0));
  while (dims.length && dims[dims.length - 1] === 0) dims.pop();
  if (dims.length === 0) return 'set Dim 1 (the target shape is empty)';
  const zero = dims.indexOf(0);
  if (zero >= 0) return `Dim ${zero + 1} is 0 but a later Dim is set; only trailing Dims may be 0`;
  if (dims.filter((d) => d === -1).length > 1) return 'only one Dim may be −1';
  return dims;
}

/** Resolve a target shape (one −1 allowed) against an input of `n` values, or explain the mismatch. */
export function resolveReshape(input: Shape, target: Shape): Shape | string {
  const n = sizeOf(input);
  const known = target.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
  const shown = fmt(target).replace('-1', '?');
  if (target.includes(-1)) {
    if (n % known !== 0) return `cannot reshape ${fmt(input)} (${n} values) into ${shown}: ${n} is not a multiple of ${known}`;
    return target.map((d) => (d === -1 ? n / known : d));
  }
  if (known !== n) return `cannot reshape ${fmt(input)} (${n} values) into ${shown} (${known} values)`;
  return [...target];
}

export const spec = defineKind({
  kind: 'reshape',
  label: 'Reshape',
  description: 'Rearranges the features into a new shape, e.g. [784] → [28×28×1]; −1 infers one axis.',
  category: 'layer',
  order: 60,
  // A target like "28,28,1" as three ints: ParamSpec has no free-text type.
  params: [dimParam(1, -1), dimParam(2, 1), dimParam(3, 0)],
  inputs: 'one',
  hasOutput: true,
  shape: (p, inputs) => {
    if (inputs.length === 0) return NEEDS_INPUT;
    const target = reshapeTarget(p);
    return typeof target === 'string' ? target : resolveReshape(inputs[0], target);
  },
});
