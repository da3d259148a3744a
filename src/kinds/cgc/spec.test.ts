import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../model/nodes/testing';

describe('CGC spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('cgc', { sharedExperts: 3 })).toBe('3 shared + 1/task × 16');
  });
});
