import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../model/nodes/testing';

describe('Task-aware attention spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('tam')).toBe('4 tokens · 2 heads · 16');
  });
});
