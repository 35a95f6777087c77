import { expandNames } from '../../../../local/emulator/services/cvm/models/naming';
import { passwordProblem } from '../../../../local/emulator/services/cvm/models/password';
import { ParamReader } from '../../../../local/emulator/services/cvm/params';
import { apiError, createFixture } from './service-fixture';

describe('expandNames', () => {
  it.each<[string, number, string[]]>([
    ['server_{R:3}', 2, ['server_3', 'server_4']],
    ['server_{R:3,F:3}', 2, ['server_003', 'server_004']],
    ['node{R:98,F:2}', 3, ['node98', 'node99', 'node100']],
    ['server_', 2, ['server_1', 'server_2']],
    ['x{R:a}', 2, ['x{R:a}1', 'x{R:a}2']],
  ])('%s × %i → %j', (name, count, expected) => {
    expect(expandNames(name, count)).toEqual(expected);
  });
});

describe('passwordProblem', () => {
  it.each<[string, boolean, boolean]>([
    ['Qcloud@TestApi123++', false, true],
    ['abcdefg1', false, true],
    ['abcdefgh', false, false],
    ['Ab1', false, false],
    ['a'.repeat(29) + 'B1', false, false],
    ['abcdefgh12AB', true, true],
    ['abcdefgh1234', true, false],
    ['Abcdefg1\u00e9xyz', false, false],
  ])('%s (windows %s) is acceptable: %s', (password, windows, acceptable) => {
    const problem = passwordProblem(password, windows);
    expect(problem === undefined).toBe(acceptable);
    if (problem !== undefined) expect(problem).not.toContain(password);
  });
});

describe('ParamReader', () => {
  it('reads integers and booleans from text for GET (query) parameters only', () => {
    const query = new ParamReader({ Limit: '20', DryRun: 'true', Placement: { ProjectId: '7' } }, true);
    expect(query.integer('Limit')).toBe(20);
    expect(query.boolean('DryRun')).toBe(true);
    expect(query.object('Placement')?.integer('ProjectId')).toBe(7);
    const json = new ParamReader({ Limit: '20' });
    expect(() => json.integer('Limit')).toThrow(expect.objectContaining({ code: 'InvalidParameter', message: expect.stringContaining('Limit') }));
  });

  it('treats null as absent', () => {
    expect(new ParamReader({ Limit: null }).integer('Limit')).toBeUndefined();
  });

  it('gives the same fingerprint for the same parameters in any key order', () => {
    const first = new ParamReader({ A: 1, B: { C: [1, 2], D: 'x' }, ClientToken: 'a' });
    const second = new ParamReader({ B: { D: 'x', C: [1, 2] }, A: 1, ClientToken: 'b' });
    expect(first.fingerprint(['ClientToken'])).toBe(second.fingerprint(['ClientToken']));
    expect(first.fingerprint([])).not.toBe(second.fingerprint([]));
  });
});

describe('service dispatch', () => {
  it('answers InvalidAction for an action it does not implement', () => {
    expect(apiError(() => createFixture().call('ResetInstance')).code).toBe('InvalidAction');
  });

  it('implements the eleven actions of the issue', () => {
    expect([...createFixture().service.actions].sort()).toEqual([
      'DescribeImages', 'DescribeInstanceTypeConfigs', 'DescribeInstances', 'DescribeInstancesStatus', 'DescribeRegions',
      'DescribeZones', 'RebootInstances', 'RunInstances', 'StartInstances', 'StopInstances', 'TerminateInstances',
    ]);
  });

  it('accepts GET-style text parameters when the context says so', () => {
    const fixture = createFixture();
    fixture.run({ InstanceCount: 3 });
    const response = fixture.call('DescribeInstances', { Limit: '2', Offset: '1' }, { paramEncoding: 'query' });
    expect(response.TotalCount).toBe(3);
    expect(response.InstanceSet).toHaveLength(2);
  });
});
