/**
 * Adding a kind is adding a folder: this test writes a fixture kind folder `widget/` (a small fusion module:
 * one learned scale vector per task) into a test-only root, regenerates the registries with that root added,
 * and shows the kind in the palette, the tfjs builders and the PyTorch exporters without any list edited.
 * It also shows that a folder missing one runtime's file fails the type check.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KINDS_DIR, writeRegistries } from './registry.mjs';

const SRC = resolve(KINDS_DIR, '..');
const TMP = join(SRC, '..', '.tmp', `kinds-fixture-${process.pid}`);
const ROOT = join(TMP, 'kinds');
const GEN = join(TMP, 'gen');
const BROKEN_ROOT = join(TMP, 'broken');
const BROKEN_GEN = join(TMP, 'broken-gen');

/** An import specifier from a fixture kind folder into src. */
const from = (dir: string, path: string) => relative(dir, join(SRC, path)).split('\\').join('/');

function writeWidget(dir: string, runtimes: ('spec' | 'tfjs' | 'torch')[]): void {
  mkdirSync(dir, { recursive: true });
  const files = {
    spec: `import { FROZEN_PARAM, defineKind, needVector, perTask } from '${from(dir, 'model/nodes/spec')}';

export const spec = defineKind({
  kind: '${dir.split(/[\\/]/).pop()}',
  label: 'Widget',
  description: 'Test fixture: one learned scale vector per task, out_t = x ⊙ s_t.',
  category: 'merge',
  order: 225,
  params: [FROZEN_PARAM],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => needVector(inputs) ?? ctx.tasks.map(() => [...inputs[0]]),
  summary: (_p, tasks) => \`\${tasks.length} scales\`,
  baseline: 'own-output',
});
`,
    tfjs: `import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, type NodeBuilder } from '${from(dir, 'train/layers/common')}';

export const builder: NodeBuilder = (ctx) => {
  const t = ctx.tasks.length;
  const s = filledVariable([t, ctx.inShapes[0][0]], 1);
  return { variables: [s], forward: (inputs) => ctx.tasks.map((_, i) => tf.mul(inputs[0], tf.slice(s, [i, 0], [1, -1]))) };
};
`,
    torch: `import type { TorchExporter } from '${from(dir, 'export/torch/types')}';

export const exporter: TorchExporter = {
  className: 'Widget',
  source: \`class Widget(nn.Module):
    """out_t = x * s[t]; s [T, D] starts at ones."""
    browser_names = ('s',)

    def __init__(self, dim, tasks):
        super().__init__()
        self.s = _filled((tasks, dim), 1)

    def forward(self, x):
        return [x * self.s[t] for t in range(self.s.shape[0])]\`,
  construct: (c) => \`Widget(\${c.inShapes[0][0]}, \${c.tasks.length})\`,
};
`,
  };
  for (const rt of runtimes) writeFileSync(join(dir, `${rt}.ts`), files[rt]);
}

beforeAll(() => {
  writeWidget(join(ROOT, 'widget'), ['spec', 'tfjs', 'torch']);
  mkdirSync(GEN, { recursive: true });
  writeRegistries({ roots: [KINDS_DIR, ROOT], outDir: GEN });
  // The app's own registries stand in for the fixture's: the page, the worker and the exporter read these.
  for (const name of ['specs.gen', 'tfjs.gen', 'torch.gen']) vi.doMock(join(KINDS_DIR, `${name}.ts`), () => import(join(GEN, `${name}.ts`)));
});

afterAll(() => {
  vi.doUnmock(join(KINDS_DIR, 'specs.gen.ts'));
  vi.doUnmock(join(KINDS_DIR, 'tfjs.gen.ts'));
  vi.doUnmock(join(KINDS_DIR, 'torch.gen.ts'));
  rmSync(TMP, { recursive: true, force: true });
});

describe('a fixture kind folder, and no list edited', () => {
  it('appears in the palette (spec registry), in its order, with its summary', async () => {
    const { NODE_KINDS, nodeKind } = await import('../model');
    const ids = NODE_KINDS.map((k) => k.kind);
    expect(ids).toContain('widget');
    expect(ids.indexOf('widget')).toBe(ids.indexOf('ensemble') + 1); // order 225: after the ensemble (220), before the head
    expect(ids.length).toBe(new Set(ids).size);
    expect(nodeKind('widget')?.summary?.({}, [])).toBe('0 scales');
    const { Palette } = await import('../ui/editor/Palette');
    const { StoreContext, createAppStore } = await import('../state');
    const store = createAppStore();
    const html = renderToStaticMarkup(createElement(StoreContext.Provider, { value: store }, createElement(Palette, { onAdd: () => '', onTemplate: () => {} })));
    expect(html).toContain('data-testid="palette-widget"');
    expect(html).toContain('data-testid="palette-mmoe"');
  });

  it('trains in the tfjs registry: builder found, one output per task', async () => {
    const { defaultExperiment, makeNode } = await import('../model');
    const { NODE_BUILDERS } = await import('../train/layers');
    expect(NODE_BUILDERS.widget).toBeTypeOf('function');
    const { buildModel } = await import('../train/builder');
    const { forwardOnce, useCpuBackend } = await import('../train/testing');
    await useCpuBackend();
    const cfg = widgetGraph(defaultExperiment(), makeNode);
    const model = buildModel(cfg, 2);
    expect(model.variableNodes).toContain('widget');
    const outs = await forwardOnce(model, new Float32Array([0.5, -1, 2, 0.25]), 2, 2, false);
    expect(outs.map((o) => o.length)).toEqual([2, 6, 2]); // side 1, zone 3 classes, height 1; two rows
    model.dispose();
  });

  it('is exported by the PyTorch exporter registry', async () => {
    const { defaultExperiment, makeNode } = await import('../model');
    const { TORCH_EXPORTERS, generateModelPy } = await import('../export/torch');
    expect(TORCH_EXPORTERS.widget.className).toBe('Widget');
    const py = generateModelPy(widgetGraph(defaultExperiment(), makeNode), 2);
    expect(py).toContain('class Widget(nn.Module):');
    expect(py).toContain("'widget': Widget(16, 3),  # widget [16] -> 3 x [16]");
  });

  it('fails the type check when the folder lacks a runtime file (here tfjs.ts)', () => {
    writeWidget(join(BROKEN_ROOT, 'gadget'), ['spec', 'torch']);
    mkdirSync(BROKEN_GEN, { recursive: true });
    writeRegistries({ roots: [BROKEN_ROOT], outDir: BROKEN_GEN });
    const file = join(BROKEN_GEN, 'tfjs.gen.ts');
    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, types: [] });
    const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([expect.stringMatching(/^Cannot find module '.*gadget\/tfjs'/)]);
  }, 60_000);
});

/** The default experiment with a widget between the trunk and the heads: in → d1 → widget → head_t (output t). */
function widgetGraph<C extends ReturnType<typeof import('../model').defaultExperiment>>(cfg: C, makeNode: typeof import('../model').makeNode): C {
  const heads = cfg.graph.nodes.filter((n) => n.kind === 'head');
  cfg.graph.nodes = [cfg.graph.nodes[0], cfg.graph.nodes[1], makeNode('widget', 'widget', 300, 150), ...heads];
  cfg.graph.edges = [
    { id: 'e_in_d1', source: 'in', target: 'd1' },
    { id: 'e_d1_w', source: 'd1', target: 'widget' },
    ...heads.map((h, i) => ({ id: `e_w_${h.id}`, source: 'widget', sourceHandle: `out${i}`, target: h.id, targetHandle: null })),
  ];
  return cfg;
}
