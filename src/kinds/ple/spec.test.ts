import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../model/nodes/testing';
import { gateSlots, pleTable } from './spec';

describe('PLE spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('ple', { levels: 3 })).toBe('3 levels · 2 shared + 1/task × 16');
  });

  it('task gates read the shared and own experts; the shared gate (not on the last level) reads all', () => {
    expect(gateSlots(3, 2, 1, false)).toEqual([3, 3, 3, 5]);
    expect(gateSlots(3, 2, 1, true)).toEqual([3, 3, 3]);
  });

  it('lays the gate table out by level, own experts in their task’s columns, 0 where a gate cannot read', () => {
    const tab = pleTable(['A', 'B'], 1, 2, [
      [[0.5, 0.2, 0.3], [0.1, 0.6, 0.3], [0.2, 0.2, 0.2, 0.2, 0.2]],
      [[0.4, 0.4, 0.2], [1, 0, 0]],
    ]);
    expect(tab.rowLabels).toEqual(['L1 A', 'L1 B', 'L1 shared', 'L2 A', 'L2 B']);
    expect(tab.colLabels).toEqual(['S1', 'T1.1', 'T1.2', 'T2.1', 'T2.2']);
    expect([tab.rows, tab.cols]).toEqual([5, 5]);
    expect(tab.values).toEqual([0.5, 0.2, 0.3, 0, 0, 0.1, 0, 0, 0.6, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.4, 0.4, 0.2, 0, 0, 1, 0, 0, 0, 0]);
  });
});
