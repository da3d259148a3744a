import { describe, expect, it } from 'vitest';
import { defaultExperiment, makeNode } from '../model';
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

  it('Auto leaves large models to tfjs', () => {
    const cfg = defaultExperiment();
    cfg.graph.nodes.find((n) => n.id === 'd2')!.params.units = 1024;
    cfg.graph.nodes.find((n) => n.id === 'd1')!.params.units = 1024;
    cfg.optimizer.batchSize = 128;
    const pick = autoPicksJs(cfg, 2);
    expect(pick.js).toBe(false);
    expect(pick.why).toMatch(/too large/);
    expect(JS_ENGINE_MAX_MACS).toBeLessThan((2 * 1024 + 1024 * 1024) * 128);
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
