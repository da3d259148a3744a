import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../model/nodes/testing';

describe('NDDR spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('nddr', { alpha: 0.8 })).toBe('α 0.8 · relu');
  });
});
