import { describe, expect, it } from 'vitest';
import { paletteStep } from './Palette';

describe('palette keyboard steps', () => {
  it('arrows move by one and wrap; Home and End jump; other keys do nothing', () => {
    expect(paletteStep('ArrowDown', 0, 5)).toBe(1);
    expect(paletteStep('ArrowDown', 4, 5)).toBe(0);
    expect(paletteStep('ArrowUp', 0, 5)).toBe(4);
    expect(paletteStep('ArrowLeft', 3, 5)).toBe(2);
    expect(paletteStep('ArrowRight', 3, 5)).toBe(4);
    expect(paletteStep('Home', 3, 5)).toBe(0);
    expect(paletteStep('End', 1, 5)).toBe(4);
    expect(paletteStep('Enter', 1, 5)).toBeNull();
    expect(paletteStep('a', 1, 5)).toBeNull();
  });
});
