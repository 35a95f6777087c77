import { FaultRegistry } from '../../../../local/emulator/control/faults';

function appliedPattern(registry: FaultRegistry, calls: number, action = 'RunInstances'): string {
  return Array.from({ length: calls }, () => (registry.select(action, 'ap-guangzhou').terminal === undefined ? '.' : 'x')).join('');
}

describe('FaultRegistry', () => {
  it.each([
    [1, 'xxxxxxxx'],
    [0.5, '.x.x.x.x'],
    [0.25, '...x...x'],
    [0, '........'],
  ])('applies rate %p deterministically', (rate, pattern) => {
    const registry = new FaultRegistry();
    registry.add({ action: 'RunInstances', kind: 'error', code: 'InternalError', rate });
    expect(appliedPattern(registry, 8)).toBe(pattern);
  });

  it('stops after `times` applications and reports the fault as exhausted', () => {
    const registry = new FaultRegistry();
    const fault = registry.add({ action: '*', kind: 'drop-before', times: 2 });
    expect(appliedPattern(registry, 4)).toBe('xx..');
    expect(registry.list()).toEqual([expect.objectContaining({ id: fault.id, applied: 2, remaining: 0 })]);
  });

  it('matches by action and region', () => {
    const registry = new FaultRegistry();
    registry.add({ action: 'RunInstances', region: 'ap-beijing', kind: 'http5xx' });
    expect(registry.select('RunInstances', 'ap-guangzhou').terminal).toBeUndefined();
    expect(registry.select('DescribeInstances', 'ap-beijing').terminal).toBeUndefined();
    expect(registry.select('RunInstances', 'ap-beijing').terminal).toMatchObject({ kind: 'http5xx', status: 502 });
  });

  it('adds up latency faults and applies only the first due terminal fault', () => {
    const registry = new FaultRegistry();
    registry.add({ action: '*', kind: 'latency', latencyMs: 30 });
    registry.add({ action: 'StopInstances', kind: 'latency', latencyMs: 20 });
    registry.add({ action: 'StopInstances', kind: 'error', code: 'ResourceInUse' });
    const later = registry.add({ action: '*', kind: 'drop-after' });
    const selection = registry.select('StopInstances', 'ap-guangzhou');
    expect(selection.latencyMs).toBe(50);
    expect(selection.terminal).toMatchObject({ kind: 'error', code: 'ResourceInUse' });
    expect(registry.list().find((fault) => fault.id === later.id)).toMatchObject({ matched: 0, applied: 0 });
  });

  it('removes one fault by id and clears all', () => {
    const registry = new FaultRegistry();
    const first = registry.add({ action: '*', kind: 'malformed' });
    registry.add({ action: '*', kind: 'truncated' });
    expect(registry.remove(first.id)).toBe(true);
    expect(registry.remove(first.id)).toBe(false);
    expect(registry.list().map((fault) => fault.kind)).toEqual(['truncated']);
    registry.clear();
    expect(registry.list()).toEqual([]);
  });
});
