import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Global average pool shape rule', () => {
  it('keeps the last axis', () => {
    expect(shapeOf('globalavgpool', [[7, 7, 32]])).toEqual([32]);
    expect(shapeOf('globalavgpool', [[10, 8]])).toEqual([8]);
    expect(shapeOf('globalavgpool', [[8]])).toBe('expects an image [H×W×C] or a sequence [L×D], got [8]');
  });
});
