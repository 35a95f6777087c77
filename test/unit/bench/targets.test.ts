import { atLeast, atMost, below } from '../../../bench/targets';

describe('targets', () => {
  it.each([
    [atMost('r', 1.1, 1.1), true, '<='],
    [atMost('r', 1.1000001, 1.1), false, '<='],
    [atLeast('r', 0.9, 0.9), true, '>='],
    [atLeast('r', 0.8999, 0.9), false, '>='],
    [below('r', 127.9, 128), true, '<'],
    [below('r', 128, 128), false, '<'],
  ])('%j passes: %s', (target, pass, comparison) => {
    expect(target.pass).toBe(pass);
    expect(target.comparison).toBe(comparison);
  });

  it('keeps the measured figure and the limit unrounded', () => {
    expect(atMost('inventory', 0.1666, 1 / 6)).toEqual({ name: 'inventory', measured: 0.1666, comparison: '<=', limit: 1 / 6, pass: true });
  });
});
