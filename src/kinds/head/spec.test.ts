import { describe, expect, it } from 'vitest';
import { shapeOf, summaryOf } from '../../model/nodes/testing';

describe('Task head spec', () => {
  it('needs a vector and says to add a Flatten', () => {
    expect(shapeOf('head', [[5]], { taskId: 'zone' })).toEqual([3]);
    expect(shapeOf('head', [[4, 2]], { taskId: 'zone' })).toBe('expects a vector input, got [4×2]; add a Flatten');
  });

  it('summarises its params on the canvas', () => {
    expect(summaryOf('head', { taskId: 'zone' })).toBe('Zone (multiclass)');
    expect(summaryOf('head')).toBe('no task');
  });
});
