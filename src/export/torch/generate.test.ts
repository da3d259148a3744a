import { describe, expect, it } from 'vitest';
import { defaultExperiment, graphTemplate, makeNode } from '../../model';
import { generateModelPy, weightKey } from './index';

const lines = (py: string) => py.split('\n').map((l) => l.trim());

describe('generateModelPy (hard sharing, 2 → 16 → 16 → three heads)', () => {
  const cfg = defaultExperiment();
  const py = generateModelPy(cfg, 2);
  const ls = lines(py);

  it('imports torch, nn and F and states INPUT_DIM and TASKS', () => {
    expect(ls).toContain('import torch');
    expect(ls).toContain('import torch.nn as nn');
    expect(ls).toContain('import torch.nn.functional as F');
    expect(ls).toContain('INPUT_DIM = 2');
    const start = ls.indexOf('TASKS = [');
    expect(ls.slice(start, start + 5)).toEqual([
      'TASKS = [',
      "{'id': 'side', 'name': 'Side', 'kind': 'binary', 'classes': 2},",
      "{'id': 'zone', 'name': 'Zone', 'kind': 'multiclass', 'classes': 3},",
      "{'id': 'height', 'name': 'Height', 'kind': 'regression', 'classes': 1},",
      ']',
    ]);
  });

  it('creates each layer with its shapes: Dense(fan_in, units, activation), Head(fan_in, head units)', () => {
    expect(ls).toContain("'d1': Dense(2, 16, 'relu'),  # dense [2] -> [16]");
    expect(ls).toContain("'d2': Dense(16, 16, 'relu'),  # dense [16] -> [16]");
    expect(ls).toContain("'head_side': Head(16, 1),  # head [16] -> [1]");
    expect(ls).toContain("'head_zone': Head(16, 3),  # head [16] -> [3]");
    expect(ls).toContain("'head_height': Head(16, 1),  # head [16] -> [1]");
    // 'in' is a Python keyword: its module key is prefixed, the browser id is kept in NODE_KEYS.
    expect(ls).toContain("'n_in': Input(),  # input [2] -> [2]");
    expect(ls).toContain("'in': 'n_in',");
  });

  it('computes the nodes in topological order and returns the heads in task order', () => {
    const fwd = ls.slice(ls.lastIndexOf('def forward(self, x):') + 1, ls.indexOf('return [h_head_side, h_head_zone, h_head_height]') + 1);
    expect(fwd).toEqual([
      "h_n_in = self.nodes['n_in'](x)",
      "h_d1 = self.nodes['d1'](h_n_in)",
      "h_d2 = self.nodes['d2'](h_d1)",
      "h_head_side = self.nodes['head_side'](h_d2)",
      "h_head_zone = self.nodes['head_zone'](h_d2)",
      "h_head_height = self.nodes['head_height'](h_d2)",
      'return [h_head_side, h_head_zone, h_head_height]',
    ]);
  });

  it('follows config.tasks order, not graph order', () => {
    const c = defaultExperiment();
    c.tasks = [c.tasks[2], c.tasks[0], c.tasks[1]];
    const out = lines(generateModelPy(c, 2));
    expect(out).toContain('return [h_head_height, h_head_side, h_head_zone]');
    expect(out[out.indexOf('TASKS = [') + 1]).toContain("'id': 'height'");
  });

  it('writes only the classes it uses, and the weight loader', () => {
    expect(py).toContain('class Dense(nn.Module):');
    expect(py).toContain('class Head(nn.Module):');
    expect(py).toContain('class MtlModel(nn.Module):');
    expect(py).toContain('def load_browser_weights(model, arrays, strict=True):');
    expect(py).not.toContain('class Conv2D');
    expect(py).not.toContain('def _lstm_pass');
    expect(py.match(/^class Dense\(/gm)?.length).toBe(1);
  });

  it('keys weights as {nodeId}/{k}', () => {
    expect(weightKey('d1', 0)).toBe('d1/0');
    expect(weightKey('head_zone', 1)).toBe('head_zone/1');
  });
});

describe('generateModelPy, other graphs', () => {
  it('a multi-output node feeds each tower its own output', () => {
    const cfg = defaultExperiment();
    cfg.graph = graphTemplate('mmoe')!.build(cfg.tasks, 2);
    const ls = lines(generateModelPy(cfg, 2));
    expect(ls).toContain("'mmoe': MMoE(2, 4, 16, 3),  # mmoe [2] -> 3 x [16]");
    expect(ls).toContain("h_tower_zone = self.nodes['tower_zone'](h_mmoe[1])");
  });

  it('leaves out nodes that feed no head, sanitises ids and freezes frozen nodes', () => {
    const cfg = defaultExperiment();
    cfg.graph.nodes.push(makeNode('orphan', 'dense', 0, 0));
    cfg.graph.edges.push({ id: 'e_o', source: 'd1', target: 'orphan' });
    const d2 = cfg.graph.nodes.find((n) => n.id === 'd2')!;
    d2.id = 'my d2.x';
    d2.params.frozen = true;
    cfg.graph.edges = cfg.graph.edges.map((e) => ({ ...e, source: e.source === 'd2' ? 'my d2.x' : e.source, target: e.target === 'd2' ? 'my d2.x' : e.target }));
    const py = generateModelPy(cfg, 2);
    expect(py).not.toContain('orphan');
    expect(py).toContain("'my d2.x': 'my_d2_x',");
    expect(py).toContain("self.nodes['my_d2_x'].requires_grad_(False)");
    expect(py).toContain("h_head_side = self.nodes['head_side'](h_my_d2_x)");
  });

  it('escapes task names into valid Python strings', () => {
    const cfg = defaultExperiment();
    cfg.tasks[0].name = "it's a \\ \"test\"\n é 😀";
    expect(generateModelPy(cfg, 2)).toContain("'name': 'it\\'s a \\\\ \"test\"\\n \\xe9 \\U0001f600'");
  });

  it('refuses an invalid graph with its first error', () => {
    const cfg = defaultExperiment();
    cfg.graph.edges = cfg.graph.edges.filter((e) => e.target !== 'head_zone');
    expect(() => generateModelPy(cfg, 2)).toThrow(/cannot be exported/);
  });
});

describe('generateModelPy, the docstring', () => {
  it('cannot be closed early by the experiment name', () => {
    const cfg = defaultExperiment();
    cfg.name = 'a """ b';
    expect(generateModelPy(cfg, 2)).toContain("experiment 'a \\\"\\\"\\\" b'.");
  });
});
