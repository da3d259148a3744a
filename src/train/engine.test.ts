import { describe, expect, it } from 'vitest';
import { datasetTasks, datasetTemplate, defaultExperiment, makeNode, type DatasetConfig } from '../model';
import { generateDataset } from '../datasets';
import { autoPicksJs, JS_ENGINE_MAX_MACS, startEngine } from './engine';

describe('engine choice', () => {
  it('Auto takes the JS engine for the small default model', async () => {
    const cfg = defaultExperiment();
    expect(autoPicksJs(cfg, 2)).toEqual({ js: true, why: 'small model (11,776 multiply-adds per batch)' });
    const e = await startEngine(cfg, generateDataset(cfg));
    expect(e.backend).toBe('js');
    expect(e.notes[0]).toMatch(/^Auto: JS engine/);
    expect(e.trainer.paramCount).toBe(405);
  });

  it('Auto leaves large models to tfjs without the SIMD gemm, and keeps large dense models on the JS engine with it', () => {
    const cfg = defaultExperiment();
    cfg.graph.nodes.find((n) => n.id === 'd2')!.params.units = 1024;
    cfg.graph.nodes.find((n) => n.id === 'd1')!.params.units = 1024;
    cfg.optimizer.batchSize = 128;
    const pick = autoPicksJs(cfg, 2, false);
    expect(pick.js).toBe(false);
    expect(pick.why).toMatch(/too large/);
    expect(JS_ENGINE_MAX_MACS).toBeLessThan((2 * 1024 + 1024 * 1024) * 128);
    // 2·1024 + 1024·1024 + 1024·(1 + 3 + 1) per example, × 128
    expect(autoPicksJs(cfg, 2, true)).toEqual({ js: true, why: `its large products run on the WebAssembly SIMD matrix product (${((2 * 1024 + 1024 * 1024 + 1024 * 5) * 128).toLocaleString('en')} multiply-adds per batch)` });
  });

  it('the MultiMNIST LeNet: the JS engine covers it, Auto keeps it on tfjs (slower on JS at b32 and b256, README "Speed")', async () => {
    const mnist: DatasetConfig = { kind: 'multimnist', nTrain: 30, nVal: 10 };
    const cfg = defaultExperiment();
    cfg.tasks = datasetTasks(mnist);
    cfg.graph = datasetTemplate(mnist, cfg.tasks).graph;
    for (const batch of [32, 256]) {
      cfg.optimizer.batchSize = batch;
      const pick = autoPicksJs(cfg, 784, true);
      expect(pick.js, `batch ${batch}`).toBe(false); // conv kinds keep the size rule, SIMD or not
      expect(autoPicksJs(cfg, 784, false)).toEqual(pick);
      // conv 24·24·10·25 + conv 8·8·20·250 + dense 320·50 + two heads (50·50 + 50·10) per example
      expect(pick.why).toBe(`model too large for the JS engine (${(486_000 * batch).toLocaleString('en')} multiply-adds per batch)`);
    }
    cfg.backend = 'js';
    const e = await startEngine(cfg, { inputDim: 784, nTrain: 4, nVal: 2, xTrain: new Float32Array(4 * 784), xVal: new Float32Array(2 * 784), yTrain: { left: new Float32Array(4), right: new Float32Array(4) }, yVal: { left: new Float32Array(2), right: new Float32Array(2) } });
    expect(e.backend).toBe('js');
    e.trainer.dispose();
  });

  it('an explicit JS choice runs the JS engine (unused nodes are not built)', async () => {
    const cfg = defaultExperiment();
    cfg.backend = 'js';
    cfg.graph.nodes.push(makeNode('spare', 'dense', 0, 0));
    cfg.graph.edges.push({ id: 's', source: 'd2', target: 'spare' });
    const e = await startEngine(cfg, generateDataset(cfg));
    expect(e.backend).toBe('js');
    expect(e.notes).toEqual(['Running on the JS engine.']);
    expect(e.trainer.paramCount).toBe(405);
  });
});
