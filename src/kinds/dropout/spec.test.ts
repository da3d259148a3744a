import { describe, expect, it } from 'vitest';
import { shapeOf, summaryOf } from '../../model/nodes/testing';

describe('Dropout spec', () => {
  it('keeps the shape', () => {
    expect(shapeOf('dropout', [[3, 2]])).toEqual([3, 2]);
  });

  it('summarises its params on the canvas', () => {
    expect(summaryOf('dropout', { rate: 0.25 })).toBe('rate 0.25');
  });
});
