import { describe, expect, it } from 'vitest';
import { activationFloatsPerRow, estimateMemory, formatBytes, MEMORY_LIMIT_BYTES, memoryProblem } from './budget';
import { analyzeExperiment, datasetExperiment } from './datasets';

describe('memory budget', () => {
  it('counts every output of every node per row', () => {
    expect(activationFloatsPerRow({ outShapes: { in: [[2]], d: [[4]], mix: [[3], [3]], conv: [[2, 2, 5]] } })).toBe(2 + 4 + 6 + 20);
  });

  it('adds activations ×3, evaluation ×1.5, data and parameters ×(4 + T), in float32 bytes', () => {
    // perRow 9: activations 4·3·9·10 = 1080; evaluation 4·1.5·9·20 = 1080; data 4·100 = 400; parameters 4·10·(4+2) = 240.
    const b = estimateMemory({ perRow: 9, batch: 10, evalRows: 20, dataFloats: 100, params: 10, gradCopies: 2 });
    expect(b).toEqual({ activations: 1080, evaluation: 1080, data: 400, parameters: 240, total: 2800 });
  });

  it('formats bytes in powers of 1024', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3.4 * 2 ** 20)).toBe('3.4 MB');
    expect(formatBytes(2.3 * 2 ** 30)).toBe('2.3 GB');
    expect(formatBytes(700 * 2 ** 20)).toBe('700 MB');
  });

  it('refuses over the limit, naming the largest part and what to lower', () => {
    const ok = estimateMemory({ perRow: 100, batch: 32, evalRows: 100, dataFloats: 1000, params: 1000, gradCopies: 0 });
    expect(memoryProblem(ok, 32)).toBeNull();
    // 32 tasks × 1,000 classes at batch 4,096: the heads alone are 32,000 floats per row → 4·3·32,064·4,096 bytes = 1.47 GiB.
    const big = estimateMemory({ perRow: 32_000 + 64, batch: 4096, evalRows: 0, dataFloats: 0, params: 0, gradCopies: 0 });
    expect(big.total).toBeGreaterThan(MEMORY_LIMIT_BYTES);
    expect(memoryProblem(big, 4096)).toBe(`This run needs about ${formatBytes(big.total)} of memory (activations at batch 4096: ${formatBytes(big.activations)}); a tab can give it about ${formatBytes(MEMORY_LIMIT_BYTES)}. To train it, lower the batch size, the units or the number of classes.`);
  });

  it('the page blocks Train when one step’s activations alone are over the limit', () => {
    // A CSV with 32 target columns of 1,000 classes each: 32,000 head outputs per row.
    const targets = Array.from({ length: 32 }, (_, i) => ({ column: `t${i}`, kind: 'multiclass' as const, classes: 1000 }));
    const cfg = datasetExperiment({ kind: 'csv', fileName: 'wide.csv', inputs: ['a', 'b'], targets, valFraction: 0.25 });
    cfg.optimizer.batchSize = 256;
    expect(analyzeExperiment(cfg).ok).toBe(true);
    cfg.optimizer.batchSize = 4096;
    const a = analyzeExperiment(cfg);
    expect(a.ok).toBe(false);
    expect(a.firstError).toMatch(/^This run needs about 1\.\d GB of memory \(activations at batch 4096: /);
  });
});
