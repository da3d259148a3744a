import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, graphTemplate, type Shape } from '../model';
import { buildModel } from './builder';
import { crossStitchInit, type TamNode } from './layers';
import { buildOne, type OneNode } from './layers/testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let node: OneNode | null = null;
const build = (...args: Parameters<typeof buildOne>) => (node = buildOne(...args));
afterEach(() => {
  node?.free();
  node = null;
});
const values = (t: tf.Tensor) => Array.from(t.dataSync());
const close = (a: number[], b: number[], digits = 5) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));
};
const rand = (s: Shape, seed: number) => tf.randomUniform([3, ...s], -1, 1, 'float32', seed);

type Case = [kind: string, inShapes: Shape[], params: Record<string, number | string | boolean>, out: Shape, count: number];

// Three tasks (side, zone, height), so every module has three outputs. Scalar counts by hand:
const CASES: Case[] = [
  ['crossstitch', [[4], [4], [4]], {}, [4], 9], // T×T = 3·3
  ['crossstitch', [[2, 2, 1], [2, 2, 1], [2, 2, 1]], {}, [2, 2, 1], 9],
  ['taskattention', [[5]], {}, [5], 90], // T·(C·C + C) = 3·(25 + 5)
  ['taskattention', [[2, 2, 3]], {}, [2, 2, 3], 36], // 3·(9 + 3), a 1×1 conv over channels
  ['mmoe', [[6]], { experts: 4, units: 5 }, [5], 224], // K·(D·U + U) + T·(D·K + K) = 4·35 + 3·28
  ['cgc', [[6]], { sharedExperts: 2, taskExperts: 1, units: 5 }, [5], 238], // (2 + 3·1)·35 + 3·(6·3 + 3)
  ['cgc', [[6]], { sharedExperts: 0, taskExperts: 2, units: 5 }, [5], 252], // 6·35 + 3·(6·2 + 2)
  ['tam', [[16]], { chunks: 4, heads: 2, dModel: 8 }, [8], 160], // d = 4: 2·4·8 + 3·8 + 8·8 + 8
  ['tam', [[5, 3]], { heads: 2, dModel: 8 }, [8], 144], // d = 3: 2·3·8 + 3·8 + 8·8 + 8
  ['care', [[4], [4], [4]], {}, [4], 48], // Wq, Wk, Wv: 3·4·4
  ['ensemble', [[6]], { members: 2, hidden: 3, units: 2 }, [2], 174], // T·N·(D·H + H + H·U + U) = 6·(18 + 3 + 6 + 2)
  ['ensemble', [[6]], { members: 2, hidden: 3, units: 2, combine: 'learned' }, [2], 180], // + T·N softmax logits
];

describe('fusion builders', () => {
  it.each(CASES)('%s on %j: one output per task of the inferred shape, parameter count by hand, gradients, no leaks', (kind, inShapes, params, out, count) => {
    const before = tf.memory().numTensors;
    const n = build(kind, inShapes, params);
    expect(n.outs).toEqual([out, out, out]);
    expect(n.count).toBe(count);
    tf.tidy(() => {
      const xs = inShapes.map((s, i) => rand(s, i + 1));
      for (const training of [true, false]) expect(n.many(xs, training, 0).map((y) => y.shape)).toEqual([0, 1, 2].map(() => [3, ...out]));
      const { grads } = tf.variableGrads(() => tf.sum(tf.square(tf.addN(n.many(xs, true, 0).map((y, i) => tf.mul(y, i + 1))))) as tf.Scalar, n.built.variables);
      for (const v of n.built.variables) {
        expect(grads[v.name]?.shape, `${kind} ${v.name}`).toEqual(v.shape);
        expect(values(tf.max(tf.abs(grads[v.name])))[0], `${kind} ${v.name} gets a gradient`).toBeGreaterThan(0);
      }
    });
    n.free();
    node = null;
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('cross-stitch', () => {
  it('starts at 0.9 on the diagonal and 0.1/(T−1) elsewhere', () => {
    close(Array.from(crossStitchInit(3)), [0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9]);
    close(Array.from(crossStitchInit(2)), [0.9, 0.1, 0.1, 0.9]);
    expect(Array.from(crossStitchInit(1))).toEqual([1]);
  });

  it('computes out_i = Σ_j a_ij·x_j', () => {
    const n = build('crossstitch', [[2], [2], [2]]);
    tf.tidy(() => {
      const [a, b, c] = n.many([tf.tensor2d([[1, 2]]), tf.tensor2d([[10, 20]]), tf.tensor2d([[100, 200]])], false, 0).map(values);
      close(a, [0.9 + 0.5 + 5, 1.8 + 1 + 10]);
      close(b, [0.05 + 9 + 5, 0.1 + 18 + 10]);
      close(c, [0.05 + 0.5 + 90, 0.1 + 1 + 180], 4);
    });
  });

  it('with the identity matrix equals the separate towers', () => {
    const tasks = defaultExperiment().tasks;
    const stitched = buildModel({ graph: graphTemplate('crossstitch')!.build(tasks, 2), tasks, seed: 7 }, 2);
    const towers = buildModel({ graph: graphTemplate('single')!.build(tasks, 2), tasks, seed: 7 }, 2);
    const a = stitched.variables[stitched.variableNodes.indexOf('crossstitch')];
    expect(a.shape).toEqual([3, 3]);
    a.assign(tf.eye(3));
    tf.tidy(() => {
      const x = tf.randomUniform([5, 2], -1, 1, 'float32', 3);
      const ys = stitched.forward(x, false, 0);
      const zs = towers.forward(x, false, 0);
      ys.forEach((y, i) => expect(values(y)).toEqual(values(zs[i])));
    });
    expect(stitched.paramCount).toBe(towers.paramCount + 9);
    stitched.dispose();
    towers.dispose();
  });
});

describe('task attention (MTAN)', () => {
  it('is the identity (residual only) when W = 0 and b → −∞', () => {
    const n = build('taskattention', [[2, 2, 3]]);
    const [w, b] = n.built.variables;
    w.assign(tf.zerosLike(w));
    b.assign(tf.fill(b.shape, -1e4));
    tf.tidy(() => {
      const x = rand([2, 2, 3], 5);
      for (const y of n.many([x], true, 0)) expect(values(y)).toEqual(values(x));
    });
  });

  it('doubles x when the mask is fully open (b → +∞)', () => {
    const n = build('taskattention', [[3]]);
    const [w, b] = n.built.variables;
    w.assign(tf.zerosLike(w));
    b.assign(tf.fill(b.shape, 1e4));
    tf.tidy(() => close(values(n.many([tf.tensor2d([[1, -2, 3]])], false, 0)[1]), [2, -4, 6]));
  });
});

describe('MMoE and CGC', () => {
  it('MMoE with one expert is that expert for every task (softmax over one gate is 1)', () => {
    const n = build('mmoe', [[2]], { experts: 1, units: 2 });
    const [we, be] = n.built.variables;
    we.assign(tf.tensor2d([[1, -1], [2, 0]]));
    be.assign(tf.tensor1d([0, 0.5]));
    tf.tidy(() => {
      // relu([1, 1]·We + be) = relu([3, −0.5]) = [3, 0]
      for (const y of n.many([tf.tensor2d([[1, 1]])], false, 0)) close(values(y), [3, 0]);
    });
  });

  it('MMoE with zero gate weights averages the experts', () => {
    const n = build('mmoe', [[1]], { experts: 2, units: 1 });
    const [we, be, wg] = n.built.variables;
    we.assign(tf.tensor2d([[1, 3]]));
    be.assign(tf.zerosLike(be));
    wg.assign(tf.zerosLike(wg));
    tf.tidy(() => close(values(n.many([tf.tensor2d([[2]])], false, 0)[2]), [(2 + 6) / 2]));
  });

  it('CGC task t mixes the shared experts and its own only', () => {
    // 1 shared expert (value 1), one per task (values 10, 20, 30); uniform gates → (1 + 10·(t+1)) / 2
    const n = build('cgc', [[1]], { sharedExperts: 1, taskExperts: 1, units: 1 });
    const [we, be, wg] = n.built.variables;
    we.assign(tf.tensor2d([[1, 10, 20, 30]]));
    be.assign(tf.zerosLike(be));
    wg.assign(tf.zerosLike(wg));
    tf.tidy(() => close(n.many([tf.tensor2d([[1]])], false, 0).map((y) => values(y)[0]), [5.5, 10.5, 15.5]));
  });
});

describe('task-aware attention (TAM)', () => {
  it('gives attention weights [B, H, T, L] that sum to 1 over the tokens', () => {
    const n = build('tam', [[12]], { chunks: 3, heads: 2, dModel: 4 });
    tf.tidy(() => {
      const a = (n.built as unknown as TamNode).attention(rand([12], 4));
      expect(a.shape).toEqual([3, 2, 3, 3]);
      close(values(tf.sum(a, -1)), new Array(18).fill(1));
      expect(values(tf.min(a))[0]).toBeGreaterThan(0);
    });
  });

  it('with one token returns its value projection, per task the same', () => {
    const n = build('tam', [[2]], { chunks: 1, heads: 1, dModel: 2 });
    const [, wv, , wo, bo] = n.built.variables;
    wv.assign(tf.tensor2d([[1, 0], [0, 2]]));
    wo.assign(tf.eye(2));
    bo.assign(tf.tensor1d([0.5, 0]));
    tf.tidy(() => {
      for (const y of n.many([tf.tensor2d([[3, 4]])], false, 0)) close(values(y), [3.5, 8]);
    });
  });
});

describe('cross-task enhancement (CARE)', () => {
  it('adds the mean of the other streams’ values when queries are zero (uniform attention)', () => {
    const n = build('care', [[2], [2], [2]]);
    const [wq, , wv] = n.built.variables;
    wq.assign(tf.zerosLike(wq));
    wv.assign(tf.eye(2));
    tf.tidy(() => {
      const ys = n.many([tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 2]]), tf.tensor2d([[4, 4]])], false, 0).map(values);
      close(ys[0], [1 + 2, 0 + 3]); // + ([0, 2] + [4, 4]) / 2
      close(ys[1], [0 + 2.5, 2 + 2]); // + ([1, 0] + [4, 4]) / 2
      close(ys[2], [4 + 0.5, 4 + 1]); // + ([1, 0] + [0, 2]) / 2
    });
  });
});

describe('ensemble', () => {
  // D = 1, N = 2, H = 1, U = 1, three tasks: member (t, m) is column t·2 + m of W1.
  function tiny(combine: string) {
    const n = build('ensemble', [[1]], { members: 2, hidden: 1, units: 1, combine });
    const [w1, b1, w2, b2] = n.built.variables;
    w1.assign(tf.tensor2d([[1, 2, 3, 4, 5, 6]]));
    b1.assign(tf.zerosLike(b1));
    w2.assign(tf.ones(w2.shape));
    b2.assign(tf.tensor2d([[0], [1], [0], [0], [0], [0]]));
    return n;
  }

  it('mean: each task’s output is the average of its members', () => {
    const n = tiny('mean');
    // x = 2: members relu(2·w1)·1 + b2 = [2, 5 | 6, 8 | 10, 12] → means 3.5, 7, 11
    tf.tidy(() => close(n.many([tf.tensor2d([[2]])], false, 0).map((y) => values(y)[0]), [3.5, 7, 11]));
  });

  it('learned: softmax weights per task, equal (= mean) at the start', () => {
    const n = tiny('learned');
    const logits = n.built.variables[4];
    expect(logits.shape).toEqual([3, 2]);
    tf.tidy(() => close(n.many([tf.tensor2d([[2]])], false, 0).map((y) => values(y)[0]), [3.5, 7, 11]));
    logits.assign(tf.tensor2d([[Math.log(3), 0], [0, 0], [0, 0]])); // task 0 weights 0.75, 0.25
    tf.tidy(() => close(n.many([tf.tensor2d([[2]])], false, 0).map((y) => values(y)[0]), [0.75 * 2 + 0.25 * 5, 7, 11]));
  });

  it('initialises every member differently, from the node’s own seed stream', () => {
    const a = build('ensemble', [[4]], { members: 3, hidden: 2, units: 2 });
    const w1 = values(a.built.variables[0]); // [4, 9·2]: member block k = columns 2k, 2k+1
    const blocks = Array.from({ length: 9 }, (_, k) => [0, 1, 2, 3].flatMap((r) => [w1[r * 18 + 2 * k], w1[r * 18 + 2 * k + 1]]).join());
    expect(new Set(blocks).size).toBe(9);
    const again = buildOne('ensemble', [[4]], { members: 3, hidden: 2, units: 2 });
    expect(values(again.built.variables[0])).toEqual(w1);
    again.free();
  });
});
