import { median, percentile, ratio, rounded } from '../../../bench/statistics';

describe('percentile', () => {
  it.each([
    [[1, 2, 3, 4], 50, 2.5],
    [[4, 1, 3, 2], 0, 1],
    [[4, 1, 3, 2], 100, 4],
    [[10, 20, 30, 40, 50], 25, 20],
    [[10, 20], 99, 19.9],
    [[7], 50, 7],
  ])('percentile(%j, %d) = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('refuses no samples and a p outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it('leaves its input in place', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('is the middle sample, or the mean of the two middle ones, and ignores one outlier', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 100])).toBe(2.5);
    expect(median([10, 11, 12, 10_000])).toBe(11.5);
  });
});

describe('ratio', () => {
  it('divides, and refuses a zero denominator', () => {
    expect(ratio(110, 100)).toBeCloseTo(1.1, 12);
    expect(() => ratio(1, 0)).toThrow(RangeError);
  });
});

describe('rounded', () => {
  it.each([
    [1.23456, 3, 1.235],
    [1.23456, 1, 1.2],
    [0.16666666666666666, 3, 0.167],
    [2, 3, 2],
  ])('rounded(%d, %d) = %d', (value, digits, expected) => {
    expect(rounded(value, digits)).toBe(expected);
  });
});
