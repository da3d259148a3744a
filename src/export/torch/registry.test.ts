import { describe, expect, it } from 'vitest';
import { NODE_KINDS, defaultParams, type TaskSpec } from '../../model';
import { TORCH_EXPORTERS } from './registry';
import { PY_HELPERS } from './helpers';

describe('TORCH_EXPORTERS', () => {
  it('has an exporter for every node kind in NODE_KINDS', () => {
    const missing = NODE_KINDS.map((k) => k.kind).filter((k) => !TORCH_EXPORTERS[k]);
    expect(missing).toEqual([]);
  });

  it('exports no kind the model layer does not know', () => {
    const known = new Set(NODE_KINDS.map((k) => k.kind));
    expect(Object.keys(TORCH_EXPORTERS).filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(Object.entries(TORCH_EXPORTERS))('%s: defines its class, lists its browser tensors, names known helpers', (_kind, e) => {
    expect(e.source.startsWith(`class ${e.className}(nn.Module):`)).toBe(true);
    expect(e.source).toMatch(/browser_names (\+)?= /);
    expect(e.source).not.toMatch(/\n\s*\n\s*$/);
    for (const h of e.helpers ?? []) expect(PY_HELPERS[h]).toBeDefined();
  });

  it('one class per class name: kinds that share a class share its source', () => {
    const byClass = new Map<string, string>();
    for (const e of Object.values(TORCH_EXPORTERS)) {
      if (byClass.has(e.className)) expect(byClass.get(e.className)).toBe(e.source);
      byClass.set(e.className, e.source);
    }
  });

  it('constructor calls name the class (default params, vector input)', () => {
    const tasks: TaskSpec[] = [
      { id: 'a', name: 'A', kind: 'binary', classes: 2 },
      { id: 'b', name: 'B', kind: 'multiclass', classes: 4 },
    ];
    for (const spec of NODE_KINDS) {
      const params = { ...defaultParams(spec.params), taskId: 'b' };
      // The first input the kind's shape rule accepts: two vector streams, else a sequence, else an image.
      const inShapes = [[[8], [8]], [[5, 8]], [[8, 8, 3]]].find((s) => typeof spec.shape(params, s, { inputDim: 8, tasks }) !== 'string');
      expect(inShapes, spec.kind).toBeDefined();
      const e = TORCH_EXPORTERS[spec.kind];
      const call = e.construct({ node: { id: 'n', kind: spec.kind, params, position: { x: 0, y: 0 } }, params, inShapes: inShapes!, outShapes: [[8]], tasks });
      expect(call.startsWith(`${e.className}(`)).toBe(true);
    }
  });
});
