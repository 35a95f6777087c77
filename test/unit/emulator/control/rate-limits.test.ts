import { DOCUMENTED_RATE_LIMITS, RateLimiter } from '../../../../local/emulator/control/rate-limits';

describe('RateLimiter', () => {
  let clock: number;
  const now = (): number => clock;

  beforeEach(() => {
    clock = 1_700_000_000_000;
  });

  it('admits the documented number of calls per second, then refuses', () => {
    const limiter = new RateLimiter(now, true);
    const decisions = Array.from({ length: 11 }, () => limiter.admit('acct-1', 'RunInstances'));
    expect(decisions.filter((decision) => decision.admitted)).toHaveLength(DOCUMENTED_RATE_LIMITS.RunInstances ?? 0);
    expect(decisions[10]).toEqual({ admitted: false, count: 11, limit: 10 });
  });

  it('slides: a call is admitted again once the oldest admitted call is a second old', () => {
    const limiter = new RateLimiter(now, true);
    limiter.configure({ perSecond: { DescribeZones: 2 } });
    expect(limiter.admit('acct-1', 'DescribeZones').admitted).toBe(true);
    clock += 600;
    expect(limiter.admit('acct-1', 'DescribeZones').admitted).toBe(true);
    expect(limiter.admit('acct-1', 'DescribeZones').admitted).toBe(false);
    clock += 401;
    expect(limiter.admit('acct-1', 'DescribeZones').admitted).toBe(true);
    expect(limiter.admit('acct-1', 'DescribeZones').admitted).toBe(false);
  });

  it('keeps separate windows per account and per action', () => {
    const limiter = new RateLimiter(now, true);
    limiter.configure({ perSecond: { StopInstances: 1, StartInstances: 1 } });
    expect(limiter.admit('acct-1', 'StopInstances').admitted).toBe(true);
    expect(limiter.admit('acct-2', 'StopInstances').admitted).toBe(true);
    expect(limiter.admit('acct-1', 'StartInstances').admitted).toBe(true);
    expect(limiter.admit('acct-1', 'StopInstances').admitted).toBe(false);
  });

  it('admits everything when disabled, and reports its settings', () => {
    const limiter = new RateLimiter(now, false);
    expect(Array.from({ length: 50 }, () => limiter.admit('acct-1', 'RunInstances').admitted).every(Boolean)).toBe(true);
    limiter.configure({ enabled: true, perSecond: { RunInstances: 3 } });
    expect(limiter.settings()).toEqual({ enabled: true, perSecond: { ...DOCUMENTED_RATE_LIMITS, RunInstances: 3 } });
    limiter.configure({ perSecond: {} });
    expect(limiter.limitFor('RunInstances')).toBe(10);
  });
});
