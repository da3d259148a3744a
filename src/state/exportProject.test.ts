import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultExperiment, type NodeWeights } from '../model';
import { buildPyTorchExport, exportRun } from './exportProject';
import { finishRun, newRunRecord } from './runs';

const weights: NodeWeights[] = [{ id: 'd1', kind: 'dense', tensors: [{ shape: [1], values: new Float32Array([1]) }] }];

function runs() {
  const cfg = defaultExperiment();
  cfg.dataset = { ...cfg.dataset, nPoints: 60 };
  const old = { ...finishRun(newRunRecord(cfg, 'mtl', 'old', { id: 'old', createdAt: 1 }), 'done'), hasWeights: true };
  const other = structuredClone(cfg);
  other.optimizer.learningRate = 0.5;
  const diff = { ...finishRun(newRunRecord(other, 'mtl', 'other', { id: 'diff', createdAt: 3 }), 'done'), hasWeights: true };
  const stopped = finishRun(newRunRecord(cfg, 'mtl', 'stopped', { id: 'stopped', createdAt: 2 }), 'stopped');
  return { cfg, list: [diff, stopped, old] }; // newest first, as in the store
}

describe('Export → PyTorch from the store', () => {
  it('with null picks the newest finished run with weights of the same model, data and settings', () => {
    const { cfg, list } = runs();
    const moved = structuredClone(cfg);
    moved.name = 'renamed';
    moved.graph.nodes[0].position = { x: 999, y: 1 };
    expect(exportRun(list, moved, null)?.id).toBe('old');
    moved.seed += 1;
    expect(exportRun(list, moved, null)).toBeNull();
    expect(exportRun(list, cfg, 'stopped')?.id).toBe('stopped');
    expect(exportRun(list, cfg, 'gone')).toBeNull();
  });

  it('zips the run’s weights when it has them, and refuses a run that no longer exists', async () => {
    const { cfg, list } = runs();
    const s = { config: cfg, runs: list, getRunWeights: async (id: string) => (id === 'old' ? { runId: id, step: 10, weights } : null) };
    const out = await buildPyTorchExport(s, null);
    const names = Object.keys(unzipSync(out.bytes));
    expect(out.fileName).toBe('three-tasks-hard-sharing-pytorch.zip');
    expect(names).toContain('three-tasks-hard-sharing-pytorch/weights.npz');
    expect(names).toContain('three-tasks-hard-sharing-pytorch/model.py');
    const plain = await buildPyTorchExport(s, 'stopped');
    expect(Object.keys(unzipSync(plain.bytes)).some((n) => n.endsWith('weights.npz'))).toBe(false);
    await expect(buildPyTorchExport(s, 'gone')).rejects.toThrow('that run no longer exists');
  });

  it('a warm-started experiment carries the source’s weights of the chosen nodes only, as warm_start.npz', async () => {
    const { cfg } = runs();
    cfg.warmStart = { runId: 'src', runName: 'source', nodes: ['d1'] };
    const src: NodeWeights[] = [...weights, { id: 'd2', kind: 'dense', tensors: [{ shape: [1], values: new Float32Array([2]) }] }];
    const s = { config: cfg, runs: [], getRunWeights: async () => null, getWarmSource: async (id: string) => (id === 'src' ? { weights: src } : null) };
    const files = unzipSync((await buildPyTorchExport(s, null)).bytes);
    const npz = Object.entries(files).find(([n]) => n.endsWith('/warm_start.npz'))![1];
    expect(Object.keys(unzipSync(npz))).toEqual(['d1/0.npy']);
    // the source is gone (another browser): no file, and train.py says it trains from a fresh init
    const none = unzipSync((await buildPyTorchExport({ ...s, getWarmSource: async () => null }, null)).bytes);
    expect(Object.keys(none).some((n) => n.endsWith('warm_start.npz'))).toBe(false);
  });
});
