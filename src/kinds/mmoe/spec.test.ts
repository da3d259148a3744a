import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../model/nodes/testing';

describe('MMoE spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('mmoe')).toBe('4 experts × 16');
  });
});
