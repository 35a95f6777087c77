import { CliOptionsError, parseCliOptions } from '../../../bench/cli-options';

describe('parseCliOptions', () => {
  it('defaults to the table, every scenario, no strict exit', () => {
    expect(parseCliOptions([])).toEqual({ json: false, strict: false, only: undefined, load: false, help: false });
  });

  it.each([
    [['--json'], { json: true }],
    [['--strict'], { strict: true }],
    [['--load'], { load: true }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
    [['--only', 'cache'], { only: ['cache'] }],
    [['--only=cache,cold-start'], { only: ['cache', 'cold-start'] }],
    [['--only', 'cache', '--only', ' inventory '], { only: ['cache', 'inventory'] }],
  ])('reads %j', (argv, expected) => {
    expect(parseCliOptions(argv)).toMatchObject(expected);
  });

  it.each([[['--only']], [['--only', ',']], [['--only=']], [['--fast']], [['cache']]])('refuses %j with a message', (argv) => {
    expect(() => parseCliOptions(argv)).toThrow(CliOptionsError);
  });
});
