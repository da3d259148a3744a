/** Test-only helpers (imported by src/kinds/<kind>/tfjs.test.ts, never by app code): build one node of a kind on given input shapes, as buildModel would. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { coerceParams, defaultExperiment, makeNode, nodeKind, type Shape } from '../../model';
import { NODE_BUILDERS, type BuiltNode } from './index';

export const TASKS = defaultExperiment().tasks;

/** A built node whose forward is read as one tensor (single-output kinds); multi-output tests cast to tf.Tensor[]. */
export type SingleBuilt = Omit<BuiltNode, 'forward'> & { forward(inputs: tf.Tensor[], training: boolean, step: number): tf.Tensor };

export interface OneNode {
  built: SingleBuilt;
  /** the same node's forward as a list of outputs (one per task for multi-output kinds) */
  many(inputs: tf.Tensor[], training: boolean, step: number): tf.Tensor[];
  /** inferred output shape (batch excluded); the first output's for a multi-output kind */
  out: Shape;
  /** every output's shape */
  outs: Shape[];
  /** trainable scalars */
  count: number;
  /** frees the node's variables and own state */
  free(): void;
}

/** Builds `kind` on `inShapes` with `params` over the defaults; throws the shape rule's error. */
export function buildOne(kind: string, inShapes: Shape[], params: Record<string, number | string | boolean> = {}, seed = 42): OneNode {
  const spec = nodeKind(kind)!;
  const p = coerceParams(spec.params, params);
  const res = spec.shape(p, inShapes, { inputDim: inShapes[0]?.[0] ?? 1, tasks: TASKS });
  if (typeof res === 'string') throw new Error(res);
  const outs = spec.outputs ? (res as Shape[]) : [res as Shape];
  const built = NODE_BUILDERS[kind]({ node: makeNode('n', kind, 0, 0, params), params: p, inShapes, outShape: outs[0], outShapes: outs, seed, tasks: TASKS });
  const many = (inputs: tf.Tensor[], training: boolean, step: number) => {
    const y = built.forward(inputs, training, step);
    return Array.isArray(y) ? y : [y];
  };
  return {
    built: built as SingleBuilt,
    many,
    out: outs[0],
    outs,
    count: built.variables.reduce((a, v) => a + v.size, 0),
    free: () => {
      for (const v of built.variables) v.dispose();
      built.dispose?.();
    },
  };
}

/** Runs a kind's builder tests on tfjs's CPU backend; `build` frees the node it made after each test. */
export function useBuilders(): { build: typeof buildOne } {
  let node: OneNode | null = null;
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => {
    node?.free();
    node = null;
  });
  return { build: (...args) => (node = buildOne(...args)) };
}

export const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

/** Element-wise toBeCloseTo (to `digits` decimals) of two equally long lists. */
export function close(a: number[], b: number[], digits = 5): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));
}

/** One builder case: a kind on input shapes with params; its output shape and trainable scalar count, by hand. */
export type BuildCase = [kind: string, inShapes: Shape[], params: Record<string, number | string | boolean>, out: Shape, count: number];

/**
 * The checks every kind's builder passes, per case: output shape(s) are the inferred ones, the parameter count
 * is the hand count, every trainable variable gets a gradient, and nothing leaks. Single-output kinds run on
 * small integers (valid token ids); per-task kinds on U(−1, 1) and must give one output per task and a nonzero
 * gradient to every variable.
 */
export function checkBuilds(cases: BuildCase[]): void {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  for (const c of cases) (nodeKind(c[0])?.outputs ? checkPerTask : checkSingle)(c);
}

function checkSingle([kind, inShapes, params, out, count]: BuildCase): void {
  it(`${kind} on ${JSON.stringify(inShapes)}: output shape is the inferred one, parameter count by hand`, () => {
    const before = tf.memory().numTensors;
    const n = buildOne(kind, inShapes, params);
    expect(n.out).toEqual(out);
    expect(n.count).toBe(count);
    expect(n.built.variables.every((v) => v.trainable)).toBe(true);
    const shapes = tf.tidy(() => {
      const xs = inShapes.map((s, i) => tf.floor(tf.mul(tf.randomUniform([3, ...s], 0, 1, 'float32', i + 1), 4)));
      return [n.built.forward(xs, true, 0).shape, n.built.forward(xs, false, 0).shape];
    });
    expect(shapes).toEqual([
      [3, ...out],
      [3, ...out],
    ]);
    n.free();
    expect(tf.memory().numTensors).toBe(before);
  });

  it(`${kind} on ${JSON.stringify(inShapes)}: gives gradients for every trainable variable`, () => {
    const n = buildOne(kind, inShapes, params);
    if (n.count > 0) {
      tf.tidy(() => {
        const xs = inShapes.map((s) => tf.floor(tf.mul(tf.randomUniform([3, ...s], 0, 1, 'float32', 9), 4)));
        const { grads } = tf.variableGrads(() => tf.sum(tf.square(n.built.forward(xs, true, 0))) as tf.Scalar, n.built.variables);
        for (const v of n.built.variables) expect(grads[v.name]?.shape, `${kind} ${v.name}`).toEqual(v.shape);
      });
    }
    n.free();
  });
}

function checkPerTask([kind, inShapes, params, out, count]: BuildCase): void {
  it(`${kind} on ${JSON.stringify(inShapes)}: one output per task of the inferred shape, parameter count by hand, gradients, no leaks`, () => {
    const before = tf.memory().numTensors;
    const n = buildOne(kind, inShapes, params);
    expect(n.outs).toEqual(TASKS.map(() => out));
    expect(n.count).toBe(count);
    tf.tidy(() => {
      const xs = inShapes.map((s, i) => tf.randomUniform([3, ...s], -1, 1, 'float32', i + 1));
      for (const training of [true, false]) expect(n.many(xs, training, 0).map((y) => y.shape)).toEqual(TASKS.map(() => [3, ...out]));
      const { grads } = tf.variableGrads(() => tf.sum(tf.square(tf.addN(n.many(xs, true, 0).map((y, i) => tf.mul(y, i + 1))))) as tf.Scalar, n.built.variables);
      for (const v of n.built.variables) {
        expect(grads[v.name]?.shape, `${kind} ${v.name}`).toEqual(v.shape);
        expect(values(tf.max(tf.abs(grads[v.name])))[0], `${kind} ${v.name} gets a gradient`).toBeGreaterThan(0);
      }
    });
    n.free();
    expect(tf.memory().numTensors).toBe(before);
  });
}
